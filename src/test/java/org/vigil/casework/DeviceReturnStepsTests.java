package org.vigil.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.vigil.casework.domain.DeviceReturn;
import org.vigil.casework.domain.DeviceReturnSteps;
import org.vigil.casework.domain.DeviceReturnSteps.Step;

/**
 * The device's return, step by step (MDR Art. 89(1) and (3)): each step follows only the one before, is taken by its
 * side only, and the stored form reads back as the same state.
 */
class DeviceReturnStepsTests {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void every_state_survives_storing_and_reading_back() {
        DeviceReturn state = new DeviceReturn.NotRequested();
        for (var step : new Object[][] { { Step.REQUEST, CaseSide.MANUFACTURER, "Use the box" },
                { Step.SHIP, CaseSide.HOSPITAL, "TRACK1" }, { Step.RECEIVE, CaseSide.MANUFACTURER, null },
                { Step.ANALYSE, CaseSide.MANUFACTURER, "Cracked" }, { Step.RETURN, CaseSide.MANUFACTURER, "TRACK2" } }) {
            assertThat(DeviceReturnSteps.possibleAfter(state.label())).contains((Step) step[0]);
            state = DeviceReturnSteps.apply(state, (Step) step[0], (CaseSide) step[1], (String) step[2], AT);
            assertThat(DeviceReturnSteps.fromMap(DeviceReturnSteps.toMap(state))).isEqualTo(state);
        }
        assertThat(state).isInstanceOf(DeviceReturn.Returned.class);
        assertThat(DeviceReturnSteps.possibleAfter(state.label())).isEmpty();
    }

    @Test
    void a_step_out_of_order_or_by_the_wrong_side_is_refused_naming_why_mdr_art_89_3() {
        var requested = DeviceReturnSteps.apply(new DeviceReturn.NotRequested(), Step.REQUEST, CaseSide.MANUFACTURER,
                "Box", AT);
        assertThatThrownBy(() -> DeviceReturnSteps.apply(requested, Step.RECEIVE, CaseSide.MANUFACTURER, null, AT))
                .isInstanceOfSatisfying(DeviceReturnSteps.Refused.class, e -> assertThat(e.field()).isEqualTo("step"));
        assertThatThrownBy(() -> DeviceReturnSteps.apply(requested, Step.SHIP, CaseSide.MANUFACTURER, "T", AT))
                .isInstanceOfSatisfying(DeviceReturnSteps.Refused.class, e -> assertThat(e.getMessage())
                        .contains("Only the hospital"));
        assertThatThrownBy(() -> DeviceReturnSteps.apply(requested, Step.NOT_AVAILABLE, CaseSide.HOSPITAL, " ", AT))
                .isInstanceOfSatisfying(DeviceReturnSteps.Refused.class, e -> assertThat(e.field()).isEqualTo("reason"));
        var declined = DeviceReturnSteps.apply(requested, Step.NOT_AVAILABLE, CaseSide.HOSPITAL, "Still implanted", AT);
        assertThat(declined).isEqualTo(new DeviceReturn.NotAvailable("Still implanted", AT));
        assertThat(Step.named("not-available")).isEqualTo(Step.NOT_AVAILABLE);
        assertThat(Step.named("teleport")).isNull();
    }
}

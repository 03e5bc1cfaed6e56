package org.vigil.deadline.clock;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.vigil.deadline.CaseFacts;
import org.vigil.deadline.Classification;
import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.DutyHolder;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.RulePacks;
import org.vigil.deadline.TrackedCase;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/** Cases for the clock service's tests, built directly from their facts (triage comes with issue 5, item 1). */
final class ClockFixtures {

    static final RulePacks PACKS = RulePacks.bundled();
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private ClockFixtures() {
    }

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    /** A serious incident in Germany with a medical device sold in the EU, of a German manufacturer. */
    static CaseFacts germanIncident(Classification classification, Instant awareness) {
        return new CaseFacts(PACKS.recipients("DE", Set.of(Jurisdiction.EU), "DE", DutyHolder.MANUFACTURER),
                DeviceKind.MEDICAL_DEVICE, classification, awareness, awareness, BERLIN, DutyHolder.MANUFACTURER,
                List.of());
    }

    static TrackedCase tracked(UUID caseId, OrganisationId manufacturer, UserId responsible, CaseFacts facts,
            String cause) {
        return new TrackedCase(caseId, "CASE-2028-" + caseId.toString().substring(0, 5), "Vigil Hip Stem size 12",
                manufacturer, responsible, facts, cause);
    }
}

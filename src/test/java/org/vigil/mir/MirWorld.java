package org.vigil.mir;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.vigil.casework.CaseView;
import org.vigil.casework.CaseWorld;
import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.Jurisdiction;
import org.vigil.reportability.Causality;
import org.vigil.reportability.DecisionDraft;
import org.vigil.reportability.Reportability;
import org.vigil.reportability.SeriousOutcome;
import org.vigil.reportability.UseContext;
import org.vigil.shared.Role;
import org.vigil.support.TestData;

/** Cases ready for incident reports, for the tests of {@link MirReports}. */
@Component
public class MirWorld {

    static final String BERLIN = "Europe/Berlin";

    private final ObjectProvider<CaseWorld> world;
    private final ObjectProvider<TestData> testData;
    private final ObjectProvider<Reportability> reportability;

    MirWorld(ObjectProvider<CaseWorld> world, ObjectProvider<TestData> testData,
            ObjectProvider<Reportability> reportability) {
        this.world = world;
        this.testData = testData;
        this.reportability = reportability;
    }

    /** The parties, the manufacturer's case and a PRRC of the manufacturer. */
    public record Setting(CaseWorld.Parties parties, CaseView opened, TestData.Person prrc) {
    }

    /** A hospital's report about a death two days ago, decided reportable to the German authority. */
    public Setting aReportableDeath() {
        var cases = world.getObject();
        var data = testData.getObject();
        var parties = cases.parties();
        var opened = cases.caseOf(cases.submitReport(parties, false), parties.vigilance());
        var death = new DecisionDraft(true, Set.of(SeriousOutcome.DEATH), false, false, Causality.CANNOT_BE_EXCLUDED,
                false, UseContext.NORMAL_USE, "The pump stopped; the patient died. A link cannot be excluded.",
                LocalDateTime.now().minusDays(2).withSecond(0).withNano(0), BERLIN, null, null, null, "DE",
                DeviceKind.MEDICAL_DEVICE, Set.of(Jurisdiction.EU), BERLIN, null);
        data.as(parties.vigilance().principal(),
                () -> reportability.getObject().decide(opened.id(), death, TestData.PASSWORD));
        return new Setting(parties, opened, data.person(parties.manufacturer(), Role.PRRC));
    }

    /** Runs {@code work} as the case's vigilance officer. */
    public <T> T asOfficer(Setting s, Callable<T> work) {
        return testData.getObject().as(s.parties().vigilance().principal(), work);
    }
}

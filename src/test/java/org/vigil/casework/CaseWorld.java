package org.vigil.casework;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.vigil.device.DeviceRegister;
import org.vigil.incident.AgeUnit;
import org.vigil.incident.DeviceAvailability;
import org.vigil.incident.IncidentReports;
import org.vigil.incident.PersonInvolved;
import org.vigil.incident.ReportContent;
import org.vigil.incident.ReportKind;
import org.vigil.incident.ReportView;
import org.vigil.incident.ReportedDevice;
import org.vigil.incident.Sex;
import org.vigil.organisation.OrganisationView;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.Role;
import org.vigil.support.DeviceFixtures;
import org.vigil.support.TestData;

/**
 * A hospital with a reporter and a device-safety officer, a manufacturer with a vigilance officer and a complaint
 * handler, a registered device of the manufacturer, and reports submitted the way a hospital submits them
 * ({@link IncidentReports}), with their cases.
 */
@Component
public class CaseWorld {

    // Provided, not required: this component is in every test context, also those without TestData (browser tests).
    private final ObjectProvider<TestData> testDataProvider;
    final IncidentReports reports;
    final DeviceRegister devices;
    final Cases cases;

    CaseWorld(ObjectProvider<TestData> testData, IncidentReports reports, DeviceRegister devices, Cases cases) {
        this.testDataProvider = testData;
        this.reports = reports;
        this.devices = devices;
        this.cases = cases;
    }

    public record Parties(OrganisationView hospital, TestData.Person reporter, TestData.Person safetyOfficer,
            OrganisationView manufacturer, TestData.Person vigilance, TestData.Person complaints,
            DeviceFixtures.Device device) {
    }

    private TestData testData() {
        return testDataProvider.getObject();
    }

    public Parties parties() {
        var testData = testData();
        DeviceFixtures.use(devices);
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var reporter = testData.person(hospital, Role.REPORTER);
        var officer = testData.person(hospital, Role.DEVICE_SAFETY_OFFICER);
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var vigilance = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        var complaints = testData.person(manufacturer, Role.COMPLAINT_HANDLER);
        return new Parties(hospital, reporter, officer, manufacturer, vigilance, complaints,
                DeviceFixtures.deviceOf(manufacturer.id()));
    }

    /** Submits a complete report about the parties' registered device, as the hospital's reporter. */
    public ReportView submitReport(Parties parties, boolean reporterNameShared) {
        return submitReport(parties.reporter(), parties.device().udiDi(), reporterNameShared);
    }

    /** Submits a complete report about the registered device {@code udiDi}, as {@code person}. */
    public ReportView submitReport(TestData.Person person, String udiDi, boolean reporterNameShared) {
        var reporter = person.principal();
        var testData = testData();
        var draft = testData.as(reporter, () -> reports.startDraft(ReportKind.INCIDENT));
        var content = new ReportContent(ReportKind.INCIDENT, null,
                new ReportedDevice("(01)" + udiDi + "(17)271231(10)LOT42", null, null, null, null,
                        null, null, "LOT42", null, LocalDate.of(2027, 12, 31), null),
                LocalDate.now().minusDays(1), null, "ICU", "The pump stopped without alarm during an infusion.",
                List.of("A0401"), PersonInvolved.PATIENT, List.of(), List.of("F26"), 64, AgeUnit.YEARS, Sex.FEMALE,
                new BigDecimal("71.5"), null, DeviceAvailability.AVAILABLE, "Safety office, cupboard 2",
                reporterNameShared);
        var saved = testData.as(reporter, () -> reports.saveDraft(draft.id(), draft.version(), content, null));
        return testData.as(reporter, () -> reports.submit(draft.id(), saved.version()));
    }

    /** Submits a report about a device that is not in the register: no manufacturer in Vigil. */
    ReportView submitUnregisteredReport(Parties parties) {
        return submitUnregisteredReport(parties.reporter());
    }

    ReportView submitUnregisteredReport(TestData.Person person) {
        var reporter = person.principal();
        var testData = testData();
        var draft = testData.as(reporter, () -> reports.startDraft(ReportKind.INCIDENT));
        var content = new ReportContent(ReportKind.INCIDENT, null,
                new ReportedDevice(null, null, null, "Acme Devices Ltd", "Acme infusion set", "IS-2", null, "L7",
                        null, null, null),
                LocalDate.now().minusDays(1), null, "ICU", "The infusion set leaked.", List.of("A0401"),
                PersonInvolved.NONE, List.of(), List.of(), null, null, null, null, null,
                DeviceAvailability.AVAILABLE, "Safety office", false);
        var saved = testData.as(reporter, () -> reports.saveDraft(draft.id(), draft.version(), content, null));
        return testData.as(reporter, () -> reports.submit(draft.id(), saved.version()));
    }

    /** The case of {@code report} as {@code person} sees it, waiting for it to be opened (with a deadline). */
    public CaseView caseOf(ReportView report, TestData.Person person) {
        var testData = testData();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try {
                return testData.as(person.principal(), () -> cases.findByReport(report.id().value()));
            } catch (RecordNotFoundException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("No case was opened for report " + report.reference() + " within 20 s");
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }
}

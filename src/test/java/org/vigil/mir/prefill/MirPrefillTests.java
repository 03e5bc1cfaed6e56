package org.vigil.mir.prefill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.vigil.casework.CaseView;
import org.vigil.casework.CaseWorld;
import org.vigil.casework.Cases;
import org.vigil.casework.ComplaintSource;
import org.vigil.casework.NewComplaint;
import org.vigil.deadline.Classification;
import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.Jurisdiction;
import org.vigil.device.DeviceRegister;
import org.vigil.device.MarketPlacement;
import org.vigil.device.UdiDiData;
import org.vigil.device.UnitsPlaced;
import org.vigil.incident.AgeUnit;
import org.vigil.incident.DeviceAvailability;
import org.vigil.incident.IncidentReports;
import org.vigil.incident.PersonInvolved;
import org.vigil.incident.ReportContent;
import org.vigil.incident.ReportKind;
import org.vigil.incident.ReportView;
import org.vigil.incident.ReportedDevice;
import org.vigil.incident.Sex;
import org.vigil.mir.MirForm;
import org.vigil.mir.MirProblem;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportRules;
import org.vigil.mir.MirReportType;
import org.vigil.mir.SimilarIncidentPeriod;
import org.vigil.mir.SubmitterRole;
import org.vigil.reportability.Causality;
import org.vigil.reportability.DecisionDraft;
import org.vigil.reportability.Reportability;
import org.vigil.reportability.SeriousOutcome;
import org.vigil.reportability.UseContext;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.Role;
import org.vigil.support.DeviceFixtures;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import org.vigil.udi.IssuingEntity;

/**
 * The MIR 7.3.1 prefill against the whole application (MDR Art. 87 and 89; MDCG 2023-3): a hospital's submitted
 * report, the device register and a signed reportability decision become a report that lacks only what a person must
 * supply; a device described in words still prefills; only the case's manufacturer side prefills.
 */
@IntegrationTest
class MirPrefillTests {

    static final String BERLIN = "Europe/Berlin";
    /** An EMDN term the bundled release holds. */
    static final String EMDN_CODE = "H01010102";

    @Autowired
    MirPrefill prefill;
    @Autowired
    CaseWorld world;
    @Autowired
    TestData testData;
    @Autowired
    Reportability reportability;
    @Autowired
    DeviceRegister devices;
    @Autowired
    IncidentReports reports;
    @Autowired
    Cases cases;

    record Registered(String basicUdiDi, String udiDi) {
    }

    /** A device of the parties' manufacturer with EMDN, markets in DE, XI and US and units placed every month. */
    Registered registerDevice(CaseWorld.Parties parties) {
        var officer = parties.vigilance().principal();
        String basic = DeviceFixtures.gmn();
        String gtin = DeviceFixtures.gtin();
        testData.as(officer, () -> devices.registerBasicUdiDi(DeviceFixtures.basic(basic, "Infusion pump")));
        testData.as(officer, () -> devices.addUdiDi(new UdiDiData(basic, gtin, IssuingEntity.GS1, "InfuStar 3",
                "IS3-200", "CAT-IS3", EMDN_CODE, "3.2.1", null, List.of(),
                List.of(new MarketPlacement("DE", LocalDate.of(2024, 1, 1), null),
                        new MarketPlacement("XI", LocalDate.of(2024, 1, 1), null),
                        new MarketPlacement("US", LocalDate.of(2024, 1, 1), null)))));
        var thisMonth = YearMonth.now();
        for (var month = thisMonth.minusMonths(16); !month.isAfter(thisMonth); month = month.plusMonths(1)) {
            var placed = month;
            testData.as(officer, () -> devices.recordUnitsPlaced(new UnitsPlaced(gtin, "DE", placed, 300)));
            testData.as(officer, () -> devices.recordUnitsPlaced(new UnitsPlaced(gtin, "US", placed, 700)));
        }
        return new Registered(basic, gtin);
    }

    /** Death, in Germany, aware a few minutes ago in Berlin: reportable within 10 days (MDR Art. 87(5)). */
    static DecisionDraft death() {
        var aware = LocalDateTime.now(ZoneId.of(BERLIN)).minusMinutes(5).withSecond(0).withNano(0);
        return new DecisionDraft(true, Set.of(SeriousOutcome.DEATH), false, false, Causality.CANNOT_BE_EXCLUDED,
                false, UseContext.NORMAL_USE, "The pump stopped; the patient died. A link cannot be excluded.", aware,
                BERLIN, null, null, null, "DE", DeviceKind.MEDICAL_DEVICE, Set.of(Jurisdiction.EU), BERLIN, null);
    }

    CaseView decided(CaseWorld.Parties parties, ReportView report) {
        var opened = world.caseOf(report, parties.vigilance());
        testData.as(parties.vigilance().principal(),
                () -> reportability.decide(opened.id(), death(), TestData.PASSWORD));
        return opened;
    }

    ReportView submit(TestData.Person reporter, ReportedDevice device, List<String> codes) {
        var person = reporter.principal();
        var draft = testData.as(person, () -> reports.startDraft(ReportKind.INCIDENT));
        var content = new ReportContent(ReportKind.INCIDENT, null, device, LocalDate.now().minusDays(1), null, "ICU",
                "The infusion set leaked during use.", codes, PersonInvolved.PATIENT, List.of(), List.of("F26"), 70,
                AgeUnit.YEARS, Sex.MALE, null, null, DeviceAvailability.SENT_TO_MANUFACTURER, null, false);
        var saved = testData.as(person, () -> reports.saveDraft(draft.id(), draft.version(), content, null));
        return testData.as(person, () -> reports.submit(draft.id(), saved.version()));
    }

    @Test
    void a_registered_device_and_a_signed_decision_prefill_an_initial_report_that_lacks_only_what_a_person_supplies_MIR_7_3_1() {
        var parties = world.parties();
        testData.organisation(OrganisationKind.COMPETENT_AUTHORITY);
        var device = registerDevice(parties);
        var report = world.submitReport(parties.reporter(), device.udiDi(), false);
        var opened = decided(parties, report);
        // Two more reports of the same device: one on the same IMDRF Annex A code, one on another.
        world.submitReport(parties.safetyOfficer(), device.udiDi(), false);
        submit(parties.reporter(), new ReportedDevice("(01)" + device.udiDi(), null, null, null, null, null, null,
                null, null, null, null), List.of("A0902"));

        MirReport mir = testData.as(parties.vigilance().principal(),
                () -> prefill.prefill(opened.id(), MirReportType.INITIAL));

        // Only a person can give the preliminary analysis (§4.1) and, until a follow-up or final report has a due
        // date among the case's obligations, when the next report is expected (§1.2.f).
        assertThat(MirReportRules.check(mir)).extracting(MirProblem::xpath).containsExactlyInAnyOrder(
                "/incident/admin_info/reportNextDate", "/incident/mfr_invest/manufacturersPrelimAnalysis");

        var admin = mir.administrative();
        assertThat(admin.classification()).isEqualTo(Classification.DEATH);
        assertThat(admin.awareness()).isEqualTo(death().incidentAwareAt().toLocalDate());
        assertThat(admin.reportDate()).isEqualTo(LocalDate.now(ZoneId.of(BERLIN)));
        assertThat(admin.manufacturerReference()).isEqualTo(opened.reference());
        assertThat(admin.competentAuthority()).isNotBlank();
        assertThat(admin.submitter().role()).isEqualTo(SubmitterRole.MANUFACTURER);
        assertThat(admin.submitter().manufacturer().srn()).isEqualTo(parties.manufacturer().srn());
        assertThat(admin.submitter().manufacturer().email()).isEqualTo(parties.vigilance().email());

        assertThat(mir.device().udiDi()).isEqualTo(device.udiDi());
        assertThat(mir.device().basicUdiDi()).isEqualTo(device.basicUdiDi());
        assertThat(mir.device().nomenclatureCode()).isEqualTo(EMDN_CODE);
        assertThat(mir.device().nomenclatureText()).isNotBlank();
        assertThat(mir.device().lotNumber()).isEqualTo("LOT42");
        assertThat(mir.device().distribution().eeaCountries()).containsExactly("DE", "XI");
        assertThat(mir.device().distribution().otherCountries()).containsExactly("US");

        assertThat(mir.incident().deviceProblemCodes()).containsExactly("A0401");
        assertThat(mir.incident().patient().ageYears()).isEqualTo(64);
        assertThat(mir.incident().initialReporter().facilityName()).isEqualTo(parties.hospital().name());
        assertThat(mir.incident().initialReporter().facilityNumber()).isEqualTo(report.reference());

        var periods = mir.investigation().similarIncidents().periods();
        assertThat(mir.investigation().similarIncidents().codeBasis()).isEqualTo("IMDRF Annex A: A0401");
        assertThat(periods).as("EUDAMED takes four periods").hasSize(4);
        assertThat(periods.stream().mapToLong(SimilarIncidentPeriod::incidentsWorldwide).sum()).isEqualTo(2);
        assertThat(periods.stream().mapToLong(SimilarIncidentPeriod::incidentsEea).sum()).isEqualTo(2);
        assertThat(periods.getFirst().unitsEea()).isEqualTo(900);
        assertThat(periods.getFirst().unitsWorldwide()).isEqualTo(3_000);

        String xml = new String(MirForm.write(mir), StandardCharsets.UTF_8);
        assertThat(xml).as("the hospital did not share the reporter's name")
                .doesNotContain(parties.reporter().principal().displayName())
                .doesNotContain(parties.reporter().email());
    }

    @Test
    void a_device_described_in_words_still_prefills_and_similar_incidents_are_found_by_its_model_MIR_2_3_and_4_3() {
        var parties = world.parties();
        var words = new ReportedDevice(null, null, parties.manufacturer().id(), "Maker", "Acme infusion set",
                "IS-2", "REF-9", "L7", null, null, null);
        var report = submit(parties.reporter(), words, List.of("A0401"));
        submit(parties.safetyOfficer(), new ReportedDevice(null, null, parties.manufacturer().id(), "Maker",
                "Acme set", "is-2", null, null, null, null, null), List.of("A0401"));
        var opened = decided(parties, report);

        MirReport mir = testData.as(parties.vigilance().principal(),
                () -> prefill.prefill(opened.id(), MirReportType.INITIAL));

        assertThat(mir.device().deviceName()).isEqualTo("Acme infusion set");
        assertThat(mir.device().modelNumber()).isEqualTo("IS-2");
        assertThat(mir.device().catalogueNumber()).isEqualTo("REF-9");
        assertThat(mir.incident().deviceLocation()).isEqualTo("Sent to the manufacturer");
        assertThat(mir.investigation().similarIncidents().periods().stream()
                .mapToLong(SimilarIncidentPeriod::incidentsWorldwide).sum()).isEqualTo(2);
        // Without the register, the intended purpose, the nomenclature and units placed are a person's to give.
        assertThat(MirReportRules.check(mir)).extracting(MirProblem::xpath).contains(
                "/incident/device_info/deviceIntendedPurpose", "/incident/device_info/nomenclatureCode",
                "/incident/mfr_invest/manufacturersPrelimAnalysis").doesNotContain(
                "/incident/device_info/brandName", "/incident/device_info/udiDI",
                "/incident/incident_info/clinical_event_info/eventDescription",
                "/incident/admin_info/mfrAwarenessDate", "/incident/admin_info/eventClassification");
    }

    @Test
    void a_final_report_continues_the_initial_one_with_the_outcome_and_root_cause_recorded_on_the_case_MDR_Art_89_5() {
        var parties = world.parties();
        var device = registerDevice(parties);
        var opened = decided(parties, world.submitReport(parties.reporter(), device.udiDi(), false));
        var officer = parties.vigilance().principal();
        var initial = testData.as(officer, () -> prefill.prefill(opened.id(), MirReportType.INITIAL));
        testData.as(officer, () -> cases.recordOutcome(opened.id(), "Pump replaced; software corrected.",
                "A worn occlusion sensor."));

        var fin = testData.as(officer, () -> prefill.continueFrom(opened.id(), initial,
                MirReportType.FINAL_REPORTABLE));

        assertThat(fin.administrative().reportType()).isEqualTo(MirReportType.FINAL_REPORTABLE);
        assertThat(fin.administrative().manufacturerReference()).isEqualTo(initial.administrative()
                .manufacturerReference());
        assertThat(fin.investigation().rootCause()).isEqualTo("A worn occlusion sensor.");
        assertThat(fin.investigation().finalComments()).isEqualTo("Pump replaced; software corrected.");
        assertThat(fin.device()).isEqualTo(initial.device());
    }

    @Test
    void a_complaint_prefills_from_the_register_device_it_names_before_any_decision_MDR_Art_87_and_Art_10_9() {
        var parties = world.parties();
        var device = registerDevice(parties);
        var complaint = testData.as(parties.complaints().principal(), () -> cases.enterComplaint(new NewComplaint(
                ComplaintSource.PHONE, "(01)" + device.udiDi(), "The caller's pump alarmed and stopped.",
                "A home-care nurse", LocalDate.now().minusDays(2))));

        MirReport mir = testData.as(parties.complaints().principal(),
                () -> prefill.prefill(complaint.id(), MirReportType.INITIAL));

        assertThat(mir.device().deviceName()).isEqualTo("InfuStar 3");
        assertThat(mir.device().udiDi()).isEqualTo(device.udiDi());
        assertThat(mir.device().intendedPurpose()).isNotBlank();
        assertThat(mir.incident().description()).isEqualTo("The caller's pump alarmed and stopped.");
        assertThat(mir.incident().initialReporter().facilityName()).isNull();
        assertThat(mir.administrative().classification()).as("no decision yet").isNull();
        assertThat(mir.administrative().reportDate()).isNotNull();
        assertThat(mir.toString()).as("the complainant is not a MIR field").doesNotContain("home-care nurse");
    }

    @Test
    void another_manufacturer_and_the_hospital_cannot_prefill_from_the_case_MDR_Art_87() {
        var parties = world.parties();
        var opened = decided(parties, world.submitReport(parties, false));
        var stranger = testData.person(testData.organisation(OrganisationKind.MANUFACTURER), Role.VIGILANCE_OFFICER);

        assertThatThrownBy(() -> testData.as(stranger.principal(),
                () -> prefill.prefill(opened.id(), MirReportType.INITIAL)))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> testData.as(parties.safetyOfficer().principal(),
                () -> prefill.prefill(opened.id(), MirReportType.INITIAL)))
                .isInstanceOf(AccessDeniedException.class);
    }
}

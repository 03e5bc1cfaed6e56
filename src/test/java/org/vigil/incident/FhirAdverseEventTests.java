package org.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.incident.domain.ReportProblem;
import org.vigil.incident.fhir.FhirAdverseEvents;
import org.vigil.incident.fhir.FhirAdverseEvents.Unreadable;

/**
 * Incident reports as FHIR R4 AdverseEvent with Device and a pseudonymous Patient: hospital systems' resources are
 * read, Vigil's own export reads back to the same report, and a patient identifier is never put into the report
 * (GDPR Art. 4(5), Art. 5(1)(c)).
 */
class FhirAdverseEventTests {

    static FhirAdverseEvents fhir;

    @BeforeAll
    static void context() {
        fhir = new FhirAdverseEvents();
    }

    static String resource(String name) throws IOException {
        try (var in = FhirAdverseEventTests.class.getResourceAsStream("/fhir/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_hl7_adverse_event_example_is_read_as_an_incident_involving_a_patient() throws Exception {
        var imported = fhir.read(resource("AdverseEvent-example.json"));
        var report = imported.content();
        assertThat(report.kind()).isEqualTo(ReportKind.INCIDENT);
        assertThat(report.occurredOn()).isEqualTo(LocalDate.of(2017, 1, 29));
        assertThat(report.description()).isEqualTo("This was a mild rash on the left forearm");
        assertThat(report.personInvolved()).isEqualTo(PersonInvolved.PATIENT);
        assertThat(imported.sourceId()).isEqualTo("49476534");
        assertThat(report.deviceProblemCodes()).isEmpty(); // SNOMED only: the reporter codes it in Vigil
    }

    @Test
    void a_bundle_with_the_us_core_udi_device_and_a_patient_gives_the_device_and_only_an_identifier_to_pseudonymise()
            throws Exception {
        String bundle = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"fullUrl": "AdverseEvent/ae1", "resource": {"resourceType": "AdverseEvent", "id": "ae1",
                    "actuality": "potential",
                    "event": {"coding": [{"system": "urn:vigil:imdrf-aet:annex-a", "code": "A0401"}],
                              "text": "Stem packaging seal found open before surgery"},
                    "subject": {"reference": "Patient/p1"}, "date": "2026-11-19T08:15:00+02:00",
                    "suspectEntity": [{"instance": {"reference": "Device/udi-1"}}]}},
                  {"fullUrl": "Device/udi-1", "resource": %s},
                  {"fullUrl": "Patient/p1", "resource": {"resourceType": "Patient", "id": "p1",
                    "identifier": [{"system": "urn:oid:1.2.246.21", "value": "131052-308T"}],
                    "gender": "female", "birthDate": "1961-03-02"}},
                  {"fullUrl": "Observation/w", "resource": {"resourceType": "Observation", "status": "final",
                    "code": {"coding": [{"system": "http://loinc.org", "code": "29463-7"}]},
                    "valueQuantity": {"value": 71.5, "unit": "kg", "system": "http://unitsofmeasure.org",
                    "code": "kg"}}}
                ]}""".formatted(resource("Device-udi-1.json"));

        var imported = fhir.read(bundle);
        var report = imported.content();

        assertThat(report.kind()).isEqualTo(ReportKind.NEAR_MISS);
        assertThat(report.occurredOn()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(report.deviceProblemCodes()).containsExactly("A0401");
        assertThat(report.device().scan()).isEqualTo("(01)09504000059118(17)141120(10)7654321D(21)10987654d321");
        assertThat(report.sex()).isEqualTo(Sex.FEMALE);
        assertThat(report.age()).isEqualTo(65);
        assertThat(report.ageUnit()).isEqualTo(AgeUnit.YEARS);
        assertThat(report.weightKg()).isEqualByComparingTo("71.5");
        assertThat(imported.patientIdentifier()).isEqualTo("urn:oid:1.2.246.21|131052-308T");
        assertThat(report.patientPseudonym()).isNull();
        assertThat(report.toString()).doesNotContain("131052").doesNotContain("1961");
        assertThat(imported.toString()).doesNotContain("131052");
    }

    @Test
    void a_report_exported_by_vigil_reads_back_unchanged_with_only_the_pseudonym() throws Exception {
        var device = new ReportedDevice("\u001d0109506000134352\u001d10LOT42", "09506000134352", null, "Acme Medical",
                "Infusion pump X", "X-2", "REF-77", "LOT42", "SN-1", LocalDate.of(2027, 12, 31), "4.2.1");
        var report = new ReportContent(ReportKind.CYBERSECURITY_EVENT, CybersecurityEventType.MALFUNCTION_AFTER_UPDATE,
                device, LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 19), "ICU", "Pump rebooted after update.",
                List.of("A0401", "A0902"), PersonInvolved.PATIENT, List.of("E0123"), List.of("F1905", "F26"), 8,
                AgeUnit.MONTHS, Sex.MALE, new BigDecimal("7.9"), "P1-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                DeviceAvailability.AVAILABLE, "Biomedical engineering, shelf 3", true);

        String json = fhir.write(report, "7f6c2a36-2f7e-4d0e-9a43-2f1b1f8e8a11");
        assertThat(json).contains("\"resourceType\": \"AdverseEvent\"").contains("P1-ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                .contains("\"udiCarrier\"");

        var back = fhir.read(json);
        assertThat(back.patientPseudonym()).isEqualTo("P1-ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        assertThat(back.patientIdentifier()).isNull();
        var withPseudonym = back.content().withPatientPseudonym(back.patientPseudonym());
        assertThat(withPseudonym).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo,
                BigDecimal.class).isEqualTo(report);
        assertThat(back.sourceId()).isEqualTo("7f6c2a36-2f7e-4d0e-9a43-2f1b1f8e8a11");
    }

    @Test
    void malformed_json_another_resource_and_wrong_vigil_codes_are_refused_naming_the_element() {
        assertThatThrownBy(() -> fhir.read("{\"resourceType\": \"AdverseEvent\", "))
                .isInstanceOf(Unreadable.class).hasMessageStartingWith("body: Not a FHIR R4 JSON resource");
        assertThatThrownBy(() -> fhir.read("   ")).isInstanceOf(Unreadable.class).hasMessageStartingWith("body:");
        assertThatThrownBy(() -> fhir.read(resource("Device-example.json")))
                .isInstanceOf(Unreadable.class).hasMessage("resourceType: Expected an AdverseEvent or a Bundle, not "
                        + "Device.");
        assertThatThrownBy(() -> fhir.read("""
                {"resourceType": "AdverseEvent", "actuality": "actual", "subject": {"reference": "Patient/x"},
                 "extension": [{"url": "urn:vigil:fhir:StructureDefinition:person-involved", "valueCode": "ALIEN"}]}
                """)).isInstanceOfSatisfying(Unreadable.class, e -> assertThat(e.problems())
                        .extracting(ReportProblem::field).containsExactly("AdverseEvent.extension(person-involved)"));
        assertThatThrownBy(() -> fhir.read("""
                {"resourceType": "Bundle", "type": "collection", "entry": []}""")).isInstanceOf(Unreadable.class)
                .hasMessage("Bundle.entry: The bundle holds no AdverseEvent.");
    }
}

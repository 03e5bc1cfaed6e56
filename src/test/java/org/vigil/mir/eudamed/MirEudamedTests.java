package org.vigil.mir.eudamed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.mir.EudamedEnvelope;
import org.vigil.mir.MirDocumentKind;
import org.vigil.mir.MirEudamed;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportType;
import org.vigil.mir.MirValidation;
import org.vigil.mir.MirValidationReport;
import org.vigil.mir.SimilarIncidentPeriod;
import org.vigil.mir.SimilarIncidents;
import org.vigil.mir.model.MirReportExamples;
import org.vigil.mir.model.Records;
import org.vigil.shared.InvalidInputException;
import org.xmlunit.assertj3.XmlAssert;

/**
 * {@link MirEudamed}: a manufacturer incident report (MDR Art. 87; MDCG 2023-3) becomes the EUDAMED vigilance
 * document, a DTX 3.0.25 message carrying a {@code mir_2Type} dossier, that the vendored schemas accept.
 */
class MirEudamedTests {

    /** Set to rewrite the golden files after a deliberate change of the document; review the diff. */
    private static final String UPDATE_GOLDEN = "vigil.mir.golden.update";
    private static final Map<String, String> NAMESPACES = Map.of("m",
            "https://ec.europa.eu/tools/eudamed/dtx/servicemodel/Message/v1", "s",
            "https://ec.europa.eu/tools/eudamed/dtx/servicemodel/Service/v1", "vigbase",
            "https://ec.europa.eu/tools/eudamed/dtx/datamodel/Entity/Vigilance", "vig",
            "https://ec.europa.eu/tools/eudamed/dtx/datamodel/Entity/Vigilance/v1");
    private static final String MIR = "/m:Push/m:payload/vigbase:Dossier/vigbase:Data/vig:mir_2";

    private static MirValidationReport validate(byte[] xml) throws IOException {
        return MirValidation.withDefaults().validate(new ByteArrayInputStream(xml));
    }

    private static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MirEudamedTests.class.getResourceAsStream(name)) {
            assertThat(in).as("resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(MirReportType.class)
    void every_report_type_of_mdr_art_87_becomes_a_eudamed_document_the_dtx_3_0_25_schemas_accept(
            MirReportType type) throws IOException {
        byte[] xml = MirEudamed.write(MirReportExamples.complete(type));
        MirValidationReport report = validate(xml);
        assertThat(report.problems()).isEmpty();
        assertThat(report.kind()).isEqualTo(MirDocumentKind.EUDAMED_MIR);
    }

    @ParameterizedTest
    @EnumSource(MirReportType.class)
    void every_report_type_is_written_as_its_golden_eudamed_file(MirReportType type) throws IOException {
        String name = "golden/" + type.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".xml";
        String written = text(MirEudamed.write(MirReportExamples.complete(type)));
        if (Boolean.getBoolean(UPDATE_GOLDEN)) {
            Files.writeString(Path.of("src/test/resources/org/vigil/mir/eudamed", name), written);
        }
        XmlAssert.assertThat(written).and(resource(name)).ignoreWhitespace().ignoreComments().areIdentical();
    }

    @Test
    void the_report_type_classification_and_submitter_are_written_as_eudamed_codes() {
        byte[] xml = MirEudamed.write(MirReportExamples.complete(MirReportType.FOLLOW_UP));
        XmlAssert.assertThat(xml).withNamespaceContext(NAMESPACES)
                .valueByXPath(MIR + "/vig:administrativeInformation/vig:adminInfoSection/vig:reportType")
                .isEqualTo("FOLLOW_UP");
        XmlAssert.assertThat(xml).withNamespaceContext(NAMESPACES)
                .valueByXPath(MIR + "/vig:administrativeInformation/vig:dateOfIncidentSection/vig:eventClassification")
                .isEqualTo("UNANTICIPATED_SERIOUS_DETERIORATION");
        XmlAssert.assertThat(xml).withNamespaceContext(NAMESPACES)
                .valueByXPath(MIR + "/vig:administrativeInformation/vig:submitterInformationSection"
                        + "/vig:mirSubmitterContactType")
                .isEqualTo("MANUFACTURER");
        XmlAssert.assertThat(xml).withNamespaceContext(NAMESPACES)
                .valueByXPath(MIR + "//vig:deviceRiskClass").isEqualTo("CLASS_IIB");
    }

    @Test
    void a_final_non_reportable_report_states_its_conclusion_as_the_non_reportable_one_mdcg_2023_3() {
        byte[] xml = MirEudamed.write(MirReportExamples.complete(MirReportType.FINAL_NON_REPORTABLE));
        XmlAssert.assertThat(xml).withNamespaceContext(NAMESPACES)
                .valueByXPath("count(" + MIR + "//vig:manufacturerConclusion)").isEqualTo("0");
        XmlAssert.assertThat(xml).withNamespaceContext(NAMESPACES)
                .valueByXPath(MIR + "//vig:manufacturerNonReportableConclusion")
                .startsWith("The root cause is confirmed");
    }

    @Test
    void similar_incidents_are_written_latest_period_first_with_units_and_the_rates_mir_7_3_1_section_4_3() {
        byte[] xml = MirEudamed.write(MirReportExamples.complete(MirReportType.INITIAL));
        String periods = MIR + "//vig:noIncidentsChildTemplate";
        XmlAssert.assertThat(xml).withNamespaceContext(NAMESPACES)
                .valueByXPath(periods + "/vig:lbTimePeriodN/vig:startDateN").isEqualTo("2026-01-01");
        XmlAssert.assertThat(xml).withNamespaceContext(NAMESPACES)
                .valueByXPath(periods + "/vig:lbTimePeriodN/vig:numberOfDevicesEEA_N").isEqualTo("3000");
        XmlAssert.assertThat(xml).withNamespaceContext(NAMESPACES)
                .valueByXPath(periods + "/vig:lbTimePeriod_N-1/vig:numberOfSimilarIncidentsWorld_N-1")
                .isEqualTo("3");
        XmlAssert.assertThat(xml).withNamespaceContext(NAMESPACES)
                .valueByXPath(MIR + "//vig:commentsOnHowIncidentsWereDetermined")
                .contains("2025-01-01 to 2025-12-31: EEA, TR and XI 0.0200 %, worldwide 0.0120 %");
    }

    @Test
    void markup_characters_and_non_latin_text_survive_escaping_and_utf_8() throws IOException {
        MirReport report = MirReportExamples.complete(MirReportType.INITIAL);
        String tricky = "Dose <1.2 U> & \"bolus\" ]]> in Łódź; 日本の病院で報告";
        MirReport changed = MirReportExamples.withIncident(report,
                Records.with(report.incident(), "description", tricky));
        byte[] xml = MirEudamed.write(changed);
        assertThat(validate(xml).problems()).isEmpty();
        XmlAssert.assertThat(xml).withNamespaceContext(NAMESPACES)
                .valueByXPath(MIR + "/vig:incidentInformation/vig:incidentInformationSection/vig:natureOfIncident")
                .isEqualTo(tricky);
        assertThat(text(xml)).contains("Łódź", "日本").contains("&lt;1.2 U&gt; &amp;");
    }

    @Test
    void a_report_without_report_type_is_refused_naming_the_field_mir_7_3_1_section_1_2() {
        MirReport report = MirReportExamples.complete(MirReportType.INITIAL);
        MirReport missing = MirReportExamples.withAdmin(report,
                Records.with(report.administrative(), "reportType", null));
        var refused = catchThrowableOfType(InvalidInputException.class, () -> MirEudamed.write(missing));
        assertThat(refused.errors()).extracting(InvalidInputException.FieldError::field)
                .containsExactly("administrative.reportType");
        assertThat(refused.errors().getFirst().message()).contains("reportType");
    }

    @Test
    void a_contact_without_telephone_is_refused_because_eudamed_contacts_carry_all_four_details() {
        MirReport report = MirReportExamples.complete(MirReportType.INITIAL);
        var submitter = report.administrative().submitter();
        var changed = Records.with(submitter, "authorisedRepresentative",
                Records.with(submitter.authorisedRepresentative(), "phone", null));
        MirReport missing = MirReportExamples.withAdmin(report,
                Records.with(report.administrative(), "submitter", changed));
        var refused = catchThrowableOfType(InvalidInputException.class, () -> MirEudamed.write(missing));
        assertThat(refused.errors()).extracting(InvalidInputException.FieldError::field)
                .containsExactly("administrative.submitter.authorisedRepresentative.phone");
    }

    @Test
    void a_report_without_the_submitters_srn_is_refused_because_eudamed_takes_messages_from_registered_actors() {
        MirReport report = MirReportExamples.complete(MirReportType.INITIAL);
        var submitter = report.administrative().submitter();
        var changed = Records.with(submitter, "manufacturer", Records.with(submitter.manufacturer(), "srn", null));
        MirReport missing = MirReportExamples.withAdmin(report,
                Records.with(report.administrative(), "submitter", changed));
        var refused = catchThrowableOfType(InvalidInputException.class, () -> MirEudamed.write(missing));
        assertThat(refused.errors()).extracting(InvalidInputException.FieldError::field)
                .containsExactly("administrative.submitter.manufacturer.srn");
    }

    @Test
    void more_than_four_similar_incident_periods_are_refused_as_eudamed_holds_period_n_and_three_before() {
        MirReport report = MirReportExamples.complete(MirReportType.INITIAL);
        var period = new SimilarIncidentPeriod(java.time.LocalDate.of(2025, 1, 1),
                java.time.LocalDate.of(2025, 3, 31), 1L, 100L, 1L, 200L);
        var similar = new SimilarIncidents("A0401", List.of(period, period, period, period, period));
        MirReport tooMany = MirReportExamples.withInvestigation(report,
                Records.with(report.investigation(), "similarIncidents", similar));
        var refused = catchThrowableOfType(InvalidInputException.class, () -> MirEudamed.write(tooMany));
        assertThat(refused.errors()).extracting(InvalidInputException.FieldError::field)
                .containsExactly("investigation.similarIncidents.periods");
    }

    @Test
    void a_given_envelope_names_the_message_and_sender_and_the_same_report_always_gives_the_same_document() {
        MirReport report = MirReportExamples.complete(MirReportType.INITIAL);
        var envelope = new EudamedEnvelope("msg-1", "corr-1", OffsetDateTime.parse("2026-03-20T12:00:00Z"),
                "NL-AR-000000987");
        byte[] xml = MirEudamed.write(report, envelope);
        XmlAssert.assertThat(xml).withNamespaceContext(NAMESPACES).valueByXPath("/m:Push/m:messageID").isEqualTo("msg-1");
        XmlAssert.assertThat(xml).withNamespaceContext(NAMESPACES)
                .valueByXPath("/m:Push/m:sender/m:node/s:nodeActorCode").isEqualTo("NL-AR-000000987");
        assertThat(MirEudamed.write(report)).isEqualTo(MirEudamed.write(report));
    }

    @Test
    void a_document_broken_half_way_does_not_spoil_the_next_validation_on_the_same_thread() throws IOException {
        byte[] good = MirEudamed.write(MirReportExamples.complete(MirReportType.FOLLOW_UP));
        String text = text(good);
        byte[] truncated = text.substring(0, text.indexOf("</vig:natureOfIncident>")).getBytes(StandardCharsets.UTF_8);
        byte[] invalid = text.replace("<vig:mfAwarenessDate>2026-03-04</vig:mfAwarenessDate>", "")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(validate(truncated).problems()).isNotEmpty();
        assertThat(validate(good).problems()).isEmpty();
        assertThat(validate(invalid).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.xpath()).endsWith("vig:dateOfIncidentSection/"
                        + "vig:mfAwarenessDateReportability"));
        assertThat(validate(good).problems()).isEmpty();
    }
}

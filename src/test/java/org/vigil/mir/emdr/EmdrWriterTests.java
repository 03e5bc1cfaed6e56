package org.vigil.mir.emdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.stream.XMLStreamConstants;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.mir.AdministrativeInformation;
import org.vigil.mir.DeviceInformation;
import org.vigil.mir.Emdr;
import org.vigil.mir.EmdrDetails;
import org.vigil.mir.EmdrProblem;
import org.vigil.mir.IncidentInformation;
import org.vigil.mir.InitialReporter;
import org.vigil.mir.ManufacturerInvestigation;
import org.vigil.mir.MirReport;
import org.vigil.mir.PatientInformation;
import org.vigil.mir.model.MirReportSamples;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.xml.HardenedStreamReader;
import org.vigil.shared.xml.HardenedXml;
import org.vigil.shared.xml.XmlRefusedException;
import org.xmlunit.assertj3.XmlAssert;

/**
 * The eMDR Vigil writes for FDA (21 CFR 803.12(a), 803.50, 803.52, 803.56; Form FDA 3500A as HL7 v3 ICSR
 * {@code PORR_IN040001UV01}): valid against FDA's message schema {@code Con061019.xsd} with the HL7 core schemas,
 * each 3500A block where FDA's sample submission puts it, and the same as its golden file.
 */
class EmdrWriterTests {

    /** Set to rewrite the golden files after a deliberate change of the layout; review the diff. */
    private static final String UPDATE_GOLDEN = "vigil.mir.golden.update";
    private static final Map<String, String> NS = Map.of("h", "urn:hl7-org:v3");
    private static final String EVENT = "/h:PORR_IN040001UV01/h:message/h:controlActProcess/h:subject/"
            + "h:investigationEvent";
    private static final String REASONS = "/h:PORR_IN040001UV01/h:message/h:controlActProcess/h:reasonOf/"
            + "h:detectedIssueEvent";
    private static final String DEVICE = EVENT + "/h:pertainsTo/h:procedureEvent/h:device/h:identifiedDevice";
    private static final String PATIENT = EVENT + "/h:trigger/h:reaction/h:subject/h:investigativeSubject";

    static Path schemaFolder() {
        try {
            return Path.of(EmdrWriterTests.class.getResource("/org/vigil/mir/emdr/schema").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(EmdrExamples example) {
        return new String(Emdr.write(example.report(), example.details(), EmdrExamples.CREATED),
                StandardCharsets.UTF_8);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EmdrWriterTests.class.getResourceAsStream("/org/vigil/mir/emdr/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void fdas_own_sample_submission_is_valid_against_the_schema_set_so_the_schema_is_the_one_fda_writes_for()
            throws IOException {
        byte[] sample = resource("schema/3500A_Sample_HL7_Submission_082415.xml").getBytes(StandardCharsets.UTF_8);

        assertThat(Emdr.validate(sample, schemaFolder())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EmdrExamples.class)
    void every_803_52_report_death_serious_injury_malfunction_and_803_56_supplemental_is_valid_against_fdas_schema(
            EmdrExamples example) {
        byte[] document = Emdr.write(example.report(), example.details(), EmdrExamples.CREATED);

        assertThat(Emdr.validate(document, schemaFolder())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EmdrExamples.class)
    void every_report_is_written_as_its_golden_file(EmdrExamples example) throws IOException {
        String name = "golden/" + example.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".xml";
        String written = write(example);
        if (Boolean.getBoolean(UPDATE_GOLDEN)) {
            Files.writeString(Path.of("src/test/resources/org/vigil/mir/emdr", name), written);
        }

        XmlAssert.assertThat(written).and(resource(name)).ignoreWhitespace().areIdentical();
    }

    @ParameterizedTest
    @EnumSource(EmdrExamples.class)
    void every_element_vigil_writes_sits_at_a_path_fdas_sample_submission_uses(EmdrExamples example)
            throws Exception {
        Set<String> fdaPaths = elementPaths(resource("schema/3500A_Sample_HL7_Submission_082415.xml")
                .getBytes(StandardCharsets.UTF_8));
        Set<String> written = elementPaths(Emdr.write(example.report(), example.details(),
                EmdrExamples.CREATED));

        assertThat(fdaPaths).as("the sample's own paths").contains(EVENT.replace("h:", ""));
        assertThat(written).isSubsetOf(fdaPaths);
    }

    /** Every element path in {@code xml} without sibling positions, e.g. {@code /PORR_IN040001UV01/message/id}. */
    private static Set<String> elementPaths(byte[] xml) throws Exception {
        Set<String> paths = new TreeSet<>();
        HardenedStreamReader reader = HardenedXml.streamReader(new ByteArrayInputStream(xml));
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    paths.add(reader.elementPath().replaceAll("\\[\\d+]", ""));
                }
            }
        } finally {
            reader.close();
        }
        return paths;
    }

    @Test
    void a_batch_written_now_carries_the_registration_number_and_the_current_utc_time_as_fda_batch_id() {
        OffsetDateTime before = OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0);
        String xml = new String(Emdr.write(EmdrExamples.DEATH.report(), EmdrExamples.DEATH.details()),
                StandardCharsets.UTF_8);
        OffsetDateTime after = OffsetDateTime.now(java.time.ZoneOffset.UTC);

        String stamp = xml.replaceAll("(?s).*<creationTime value=\"(\\d{14})\"/>.*", "$1");
        OffsetDateTime created = java.time.LocalDateTime.parse(stamp,
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).atOffset(java.time.ZoneOffset.UTC);
        assertThat(created).isBetween(before, after);
        assertThat(xml).contains("extension=\"" + EmdrExamples.FEI + "-" + stamp + "\"");
    }

    @Test
    void a_death_report_states_death_as_h1_event_and_b2_outcome_with_the_date_of_death_803_52_b_2() {
        String xml = write(EmdrExamples.DEATH);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        XmlAssert.assertThat(xml).withNamespaceContext(NS)
                .valueByXPath(REASONS + "[h:code/@code='C53570']/h:value/@code").isEqualTo("C28554");
        XmlAssert.assertThat(xml).withNamespaceContext(NS)
                .valueByXPath(PATIENT + "/h:subjectAffectedPerson/h:deceasedTime/@value").isEqualTo("20260304");
        XmlAssert.assertThat(xml).withNamespaceContext(NS)
                .valueByXPath("count(" + EVENT + "/h:pertinentInformation2/h:caseSeriousness/h:value"
                        + "[@code='C28554' or @code='C25179'])").isEqualTo("2");
        XmlAssert.assertThat(xml).withNamespaceContext(NS).valueByXPath(EVENT + "/h:code/@code")
                .as("B1 adverse event").isEqualTo("C41331");
    }

    @Test
    void the_803_52_blocks_land_where_fdas_sample_puts_them() {
        String xml = write(EmdrExamples.SERIOUS_INJURY);
        var assertXml = XmlAssert.assertThat(xml).withNamespaceContext(NS);

        assertXml.valueByXPath("/h:PORR_IN040001UV01/h:versionCode/@code").isEqualTo("V3NORMED_2005");
        assertXml.valueByXPath("/h:PORR_IN040001UV01/h:id/@extension").as("batch id CFN/FEI-timestamp")
                .isEqualTo("3012345678-20260320101500");
        assertXml.valueByXPath(EVENT + "/h:id/@extension").as("G9").isEqualTo(EmdrExamples.REPORT_NUMBER);
        assertXml.valueByXPath("/h:PORR_IN040001UV01/h:message/h:controlActProcess/h:effectiveTime/@value")
                .as("B4 date of the initial reporter's report").isEqualTo("20260303");
        assertXml.valueByXPath(EVENT + "/h:trigger/h:reaction/h:effectiveTime/@value").as("B3")
                .isEqualTo("20260302");
        assertXml.valueByXPath(EVENT + "/h:pertinentInformation1/h:secondaryCaseNotification/h:receiver/h:time/"
                + "h:high/@value").as("G4 date received by manufacturer").isEqualTo("20260304");
        assertXml.valueByXPath(PATIENT + "/h:subjectAffectedPerson/h:name").as("A1").isEqualTo("JD-0417");
        assertXml.valueByXPath(PATIENT + "/h:subjectAffectedPerson/h:administrativeGenderCode/@code").as("A3")
                .isEqualTo("C16576");
        assertXml.valueByXPath(PATIENT + "/h:subjectOf/h:observation[h:code/@code='C25150']/h:value/@value")
                .as("A2 age").isEqualTo("54");
        assertXml.valueByXPath(DEVICE + "/h:identifiedDevice/h:lotNumberText").as("D4 lot").isEqualTo("LOT4711");
        assertXml.valueByXPath(DEVICE + "/h:identifiedDevice/h:asManufacturedProduct/h:code/@code").as("D4 UDI")
                .isEqualTo("(01)09506000134352(10)LOT4711(21)SN000123");
        String model = DEVICE + "/h:identifiedDevice/h:inventoryItem/h:manufacturedDeviceModel";
        assertXml.valueByXPath(model + "/h:code/@code").as("D2").isEqualTo("LZG");
        assertXml.valueByXPath(model + "/h:manufacturerModelName").as("D1 brand name").isEqualTo("InfuStar 3");
        assertXml.valueByXPath(model + "/h:asRegulatedProduct/h:id/@extension").as("G5").isEqualTo("K123456");
        assertXml.valueByXPath(DEVICE + "/h:identifiedDevice/h:asManufacturedProduct/h:manufacturerOrReprocessor/"
                + "h:contactParty[1]/h:addr/h:state").as("G1 contact office").isEqualTo("MA");
        assertXml.valueByXPath("count(" + REASONS + "[h:code/@code='C53566'])").as("G3 two sources")
                .isEqualTo("2");
        assertXml.valueByXPath(REASONS + "[h:code/@code='C53571']/h:value/@code").as("G7 initial")
                .isEqualTo("C53620");
        assertXml.valueByXPath(REASONS + "[h:code/@code='C53570']/h:value/@code").as("H1 serious injury")
                .isEqualTo("C53569");
    }

    @Test
    void a_malfunction_is_a_product_problem_in_b1_with_its_h7_remedial_actions() {
        String xml = write(EmdrExamples.MALFUNCTION);
        var assertXml = XmlAssert.assertThat(xml).withNamespaceContext(NS);

        assertXml.valueByXPath(EVENT + "/h:code/@code").as("B1 product problem").isEqualTo("C53054");
        assertXml.valueByXPath(REASONS + "[h:code/@code='C53570']/h:value/@code").isEqualTo("C25745");
        assertXml.valueByXPath("count(" + EVENT + "/h:pertinentInformation2)").as("no B2 outcome").isEqualTo("0");
        assertXml.valueByXPath(DEVICE + "/h:subjectOf/h:deviceObservation[h:code/@code='C53603']/"
                + "h:value[@code='C17649']/h:originalText").isEqualTo("Software field update prepared");
    }

    @Test
    void a_supplemental_report_803_56_keeps_the_report_number_and_states_follow_up_number_types_and_evaluation() {
        String xml = write(EmdrExamples.SUPPLEMENTAL);
        var assertXml = XmlAssert.assertThat(xml).withNamespaceContext(NS);

        assertXml.valueByXPath(EVENT + "/h:id/@extension").isEqualTo(EmdrExamples.REPORT_NUMBER);
        assertXml.valueByXPath(REASONS + "[h:code/@code='C53571']/h:value/@code").as("G7 follow-up")
                .isEqualTo("C53579");
        assertXml.valueByXPath(REASONS + "[h:code/@code='C53571']/h:text").as("G7 follow-up #").isEqualTo("1");
        assertXml.valueByXPath("count(" + REASONS + "[h:code/@code='C53584'])").as("H2").isEqualTo("2");
        assertXml.valueByXPath(DEVICE + "/h:subjectOf/h:deviceObservation[h:code/@code='C53629']/h:value/@value")
                .as("H3 evaluated").isEqualTo("true");
        assertXml.valueByXPath(DEVICE + "/h:identifiedDevice/h:asManufacturedProduct/h:manufacturerOrReprocessor/"
                + "h:asRole/h:performance/h:investigationEvent/h:component2/h:evaluationConclusion/h:value/@code")
                .as("H6 conclusion").isEqualTo("3221");
        assertXml.valueByXPath(EVENT + "/h:text").as("H10 from the MIR's investigation")
                .contains("Root cause: Locale-dependent number parsing");
    }

    @Test
    void ampersands_angle_brackets_and_non_latin_text_arrive_as_the_text_the_user_typed() {
        MirReport base = EmdrExamples.SERIOUS_INJURY.report();
        IncidentInformation incident = base.incident();
        PatientInformation patient = incident.patient();
        String description = "Bolus 12 U & alarm <silent> \"quoted\" </text>";
        String history = "Диабет 1 типа; 糖尿病; σακχαρώδης διαβήτης";
        MirReport report = EmdrExamples.incident(MirReportSamples.withIncident(base, new IncidentInformation(
                incident.description(), incident.deviceProblemCodes(), incident.deviceLocation(),
                incident.operator(), incident.usage(), incident.numberOfPatients(), incident.numberOfDevices(),
                new PatientInformation(patient.clinicalCodes(), patient.healthImpactCodes(), patient.ageYears(),
                        patient.sex(), new BigDecimal("68.50"), patient.heightCm(), history),
                incident.initialReporter())), description);

        byte[] document = Emdr.write(report, EmdrExamples.SERIOUS_INJURY.details(), EmdrExamples.CREATED);
        String xml = new String(document, StandardCharsets.UTF_8);

        assertThat(xml).contains("Bolus 12 U &amp; alarm &lt;silent&gt;", history);
        assertThat(Emdr.validate(document, schemaFolder())).isEmpty();
        var assertXml = XmlAssert.assertThat(xml).withNamespaceContext(NS);
        assertXml.valueByXPath(EVENT + "/h:trigger/h:reaction/h:text").isEqualTo(description);
        assertXml.valueByXPath(PATIENT + "/h:subjectOf/h:observation[h:code/@code='C53263']/h:value")
                .isEqualTo(history);
        assertXml.valueByXPath(PATIENT + "/h:subjectOf/h:observation[h:code/@code='C25208']/h:value/@value")
                .as("A4 weight in kg").isEqualTo("68.5");
    }

    @Test
    void a_report_knowing_little_more_than_803_52_requires_is_still_valid_with_fdas_null_flavours() {
        var admin = new AdministrativeInformation(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        var device = new DeviceInformation(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        var incident = new IncidentInformation("The display went blank.", null, null, "Nurse on night shift", null,
                null, null, new PatientInformation(null, null, null, "Other", null, null, null),
                new InitialReporter("Other", "Home carer", null, null, null));
        var investigation = new ManufacturerInvestigation(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        var report = new MirReport(null, OffsetDateTime.parse("2026-05-01T08:00:00Z"), admin, device, incident,
                investigation, null);
        var details = new EmdrDetails("1234567-2026-00001", "1234567", null,
                EmdrDetails.ReportType.FIVE_DAY, null, null, EmdrDetails.EventType.MALFUNCTION, null, null, null,
                null, false, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, new EmdrDetails.Office(null, null, null, null, null, null, null,
                        null, null, null), null);

        byte[] document = Emdr.write(report, details, OffsetDateTime.parse("2026-05-01T08:00:00Z"));

        assertThat(Emdr.validate(document, schemaFolder())).isEmpty();
        var assertXml = XmlAssert.assertThat(new String(document, StandardCharsets.UTF_8)).withNamespaceContext(NS);
        assertXml.valueByXPath(PATIENT + "/h:subjectAffectedPerson/h:name/@nullFlavor").as("A1 not given")
                .isEqualTo("NI");
        assertXml.valueByXPath(PATIENT + "/h:subjectAffectedPerson/h:administrativeGenderCode/@nullFlavor")
                .as("A3 other than male or female").isEqualTo("ASKU");
        assertXml.valueByXPath(EVENT + "/h:trigger/h:reaction/h:pertinentInformation/h:primarySourceReport/"
                + "h:receiver/@nullFlavor").as("E4 unknown").isEqualTo("ASKU");
        assertXml.valueByXPath(EVENT + "/h:trigger/h:reaction/h:pertinentInformation/h:primarySourceReport/"
                + "h:author/h:assignedEntity/h:code/h:originalText").as("E3 other").isEqualTo("Home carer");
        assertXml.valueByXPath(EVENT + "/h:pertainsTo/h:procedureEvent/h:authorOrPerformer/h:assignedEntity/"
                + "h:code/h:originalText").as("D5 other").isEqualTo("Nurse on night shift");
        assertXml.valueByXPath(REASONS + "[h:code/@code='C53571']/h:value/@code").as("G7 5-day").isEqualTo("C53573");
    }

    @Test
    void a_document_that_breaks_fdas_schema_is_reported_with_the_element_path_and_a_plain_message() {
        String xml = write(EmdrExamples.DEATH).replace("<versionCode code=\"V3NORMED_2005\"/>", "")
                .replace("<batchTotalNumber value=\"1\"/>", "<batchTotalNumber value=\"one\"/>");

        List<EmdrProblem> problems = Emdr.validate(xml.getBytes(StandardCharsets.UTF_8), schemaFolder());

        assertThat(problems).isNotEmpty();
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.xpath()).startsWith("/PORR_IN040001UV01/");
            assertThat(problem.message()).contains("versionCode");
            assertThat(problem.line()).isPositive();
        });
    }

    @Test
    void a_hostile_document_is_refused_before_validation() {
        byte[] hostile = ("<?xml version=\"1.0\"?><!DOCTYPE PORR_IN040001UV01 [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><PORR_IN040001UV01 xmlns=\"urn:hl7-org:v3\">&x;</PORR_IN040001UV01>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Emdr.validate(hostile, schemaFolder())).isInstanceOf(XmlRefusedException.class);
    }

    @Test
    void validating_without_fdas_schema_in_the_folder_names_the_folder() {
        byte[] document = Emdr.write(EmdrExamples.DEATH.report(), EmdrExamples.DEATH.details(),
                EmdrExamples.CREATED);

        assertThatThrownBy(() -> Emdr.validate(document, schemaFolder().resolve("coreschemas")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("schemaFolder"));
    }

    @Test
    void the_803_52_e_report_number_is_cfn_or_fei_year_and_sequence_and_starts_with_the_registration_number() {
        EmdrDetails valid = EmdrExamples.DEATH.details();

        assertThatThrownBy(() -> withNumbers(valid, "3012345678-26-17", valid.registrationNumber()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("manufacturerReportNumber"));
        assertThatThrownBy(() -> withNumbers(valid, "1234567-2026-00017", valid.registrationNumber()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().getFirst()
                        .message()).contains("3012345678"));
        assertThat(withNumbers(valid, "1234567-2026-00017", "1234567").manufacturerReportNumber())
                .isEqualTo("1234567-2026-00017");
    }

    @Test
    void a_supplemental_report_803_56_without_a_follow_up_number_is_refused() {
        EmdrDetails d = EmdrExamples.SUPPLEMENTAL.details();

        assertThatThrownBy(() -> copy(d, d.manufacturerReportNumber(), d.registrationNumber(), null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                                .containsExactly("followUpNumber"));
    }

    private static EmdrDetails withNumbers(EmdrDetails d, String reportNumber, String registration) {
        return copy(d, reportNumber, registration, d.followUpNumber());
    }

    private static EmdrDetails copy(EmdrDetails d, String reportNumber, String registration, Integer followUp) {
        return new EmdrDetails(reportNumber, registration, d.initialReportDate(), d.reportType(), followUp,
                d.followUpTypes(), d.eventType(), d.outcomes(), d.dateOfDeath(), d.patientIdentifier(),
                d.relevantTests(), d.productProblem(), d.reportSources(), d.premarketNumber(), d.productCode(),
                d.commonDeviceName(), d.availableForEvaluation(), d.returnedToManufacturer(),
                d.evaluatedByManufacturer(), d.evaluationSummaryAttached(), d.nonEvaluationCode(),
                d.nonEvaluationText(), d.labeledForSingleUse(), d.reprocessedSingleUse(), d.remedialActions(),
                d.otherRemedialAction(), d.correctionRemovalNumber(), d.initialReporterSentToFda(),
                d.deviceProblemCodes(), d.patientProblemCodes(), d.evaluationMethodCodes(),
                d.evaluationResultCodes(), d.evaluationConclusionCodes(), d.contactOffice(), d.manufacturingSite());
    }
}

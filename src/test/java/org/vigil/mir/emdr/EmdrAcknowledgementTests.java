package org.vigil.mir.emdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.validation.Schema;

import org.junit.jupiter.api.Test;
import org.vigil.mir.Emdr;
import org.vigil.mir.EmdrAcknowledgement;
import org.vigil.mir.EmdrAcknowledgement.Kind;
import org.vigil.mir.EmdrAcknowledgement.Outcome;
import org.vigil.mir.EmdrAcknowledgement.ReportResult;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.xml.HardenedStreamReader;
import org.vigil.shared.xml.HardenedXml;
import org.vigil.shared.xml.XmlRefusedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * FDA's answers to an eMDR submission (21 CFR 803.12(a)): every acknowledgement example of FDA's eMDR package reads
 * with the right outcome, report numbers and errors; a hostile or foreign file is refused.
 */
class EmdrAcknowledgementTests {

    private static EmdrAcknowledgement example(String name) throws IOException {
        try (InputStream in = EmdrAcknowledgementTests.class.getResourceAsStream("/org/vigil/mir/emdr/ack/" + name)) {
            assertThat(in).as(name).isNotNull();
            return Emdr.readAcknowledgement(in);
        }
    }

    private static EmdrAcknowledgement read(String text) throws IOException {
        return Emdr.readAcknowledgement(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void an_ack2_says_cdrh_received_the_submission_under_its_core_id() throws IOException {
        EmdrAcknowledgement ack = example("ACK2_SUCCESS.txt");

        assertThat(ack.kind()).isEqualTo(Kind.ACK2);
        assertThat(ack.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(ack.coreId()).isEqualTo("ci1234567890123.1382492@test_te1");
        assertThat(ack.messageId()).isEqualTo("608ced41fafd068d_-6044ab30_14ddf1fbcbc_-60b2"
                + "@608ced41fafd068d_-6044ab30_14ddf1fbcbc_-60b1");
        assertThat(ack.generated()).isEqualTo("06-10-2015, 16:36:44");
        assertThat(ack.reports()).isEmpty();
        assertThat(ack.reportsPassed()).isNull();
    }

    @Test
    void an_ack3_for_one_accepted_report_is_a_success_naming_its_manufacturer_report_number() throws IOException {
        EmdrAcknowledgement ack = example("ACK3_SUCCESS_Single_Report.xml");

        assertThat(ack.kind()).isEqualTo(Kind.ACK3);
        assertThat(ack.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(ack.coreId()).isEqualTo("ci1234567890123.3416@test_te2");
        assertThat(ack.batchId()).isEqualTo("1234567-20150602193500");
        assertThat(ack.generated()).isEqualTo("Thu Jun 04 12:10:53 EDT 2015");
        assertThat(ack.reportsPassed()).isEqualTo(1);
        assertThat(ack.reportsFailed()).isZero();
        assertThat(ack.reports()).containsExactly(new ReportResult("1234567-2015-23762", true, List.of()));
    }

    @Test
    void an_ack3_for_several_accepted_reports_lists_each_in_fdas_order() throws IOException {
        EmdrAcknowledgement ack = example("ACK3_SUCCESS_Multiple_Reports.xml");

        assertThat(ack.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(ack.reports()).extracting(ReportResult::reportId)
                .containsExactly("1234567-2015-23780", "1234567-2015-23781");
        assertThat(ack.reports()).allMatch(ReportResult::passed);
    }

    @Test
    void an_ack3_with_one_passed_and_one_failed_report_is_a_partial_success_with_the_rejection_reason()
            throws IOException {
        EmdrAcknowledgement ack = example("ACK3_PARTIAL_FAILURE_PARTIAL_PASS.xml");

        assertThat(ack.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(ack.reportsPassed()).isEqualTo(1);
        assertThat(ack.reportsFailed()).isEqualTo(1);
        assertThat(ack.reports()).hasSize(2);
        assertThat(ack.reports().getFirst()).isEqualTo(new ReportResult("1234567-2015-23782", true,
                List.of()));
        ReportResult failed = ack.reports().get(1);
        assertThat(failed.reportId()).isEqualTo("1234-2015-23781");
        assertThat(failed.passed()).isFalse();
        assertThat(failed.errors()).containsExactly(new EmdrAcknowledgement.ReportError("reportIdentifier",
                "Manufacturer number is not valid.", "1234-2015-23781", null));
    }

    @Test
    void an_ack3_that_could_not_read_the_report_number_is_a_failure_with_fdas_hl7_validation_message()
            throws IOException {
        EmdrAcknowledgement ack = example("ACK3_FAILURE_Report_ID.xml");

        assertThat(ack.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(ack.batchId()).as("FDA left the batch id empty").isNull();
        assertThat(ack.reports()).singleElement().satisfies(report -> {
            assertThat(report.reportId()).isEqualTo("Unable to retrieve report ID");
            assertThat(report.passed()).isFalse();
            assertThat(report.errors()).singleElement().satisfies(error -> {
                assertThat(error.section()).isNull();
                assertThat(error.xpath()).isEqualTo("//message[1]");
                assertThat(error.value()).isNull();
                assertThat(error.message()).startsWith("This group of submissions could not be processe")
                        .endsWith("Value '' is not allowed for attribute 'extension'.");
            });
        });
    }

    @Test
    void an_ack3_rejecting_f10_and_h6_codes_lists_both_errors_with_block_value_and_message() throws IOException {
        EmdrAcknowledgement ack = example("MFR_REPORT_ALL_DATA_2_ACK3_FAILURE.xml");

        assertThat(ack.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(ack.coreId()).isEqualTo("MFR_REPORT_ALL_DATA_2");
        assertThat(ack.reports()).singleElement().satisfies(report -> {
            assertThat(report.reportId()).isEqualTo("1234567-2015-12340");
            assertThat(report.errors()).containsExactly(
                    new EmdrAcknowledgement.ReportError("F10", "Must have at least one valid device problem code.",
                            "900", "//message[0]/"),
                    new EmdrAcknowledgement.ReportError("H6", "40 is an invalid CONCLUSION code.", "40",
                            "//message[0]/"));
        });
    }

    @Test
    void fdas_own_ack3_files_break_fdas_ack3_schema_so_vigil_reads_them_by_element_name() throws Exception {
        Path folder = Path.of(EmdrAcknowledgementTests.class.getResource("/org/vigil/mir/emdr/ack").toURI());
        Schema schema = HardenedXml.compileFolderSchema(folder, "Ack3Schema05142009.xsd");
        List<String> invalid = new ArrayList<>();
        for (String name : List.of("ACK3_SUCCESS_Single_Report.xml", "ACK3_PARTIAL_FAILURE_PARTIAL_PASS.xml")) {
            try (InputStream in = Files.newInputStream(folder.resolve(name))) {
                HardenedStreamReader xml = HardenedXml.streamReader(in);
                HardenedXml.validate(xml, schema, new DefaultHandler() {
                    @Override
                    public void error(SAXParseException e) {
                        invalid.add(name + ": " + e.getMessage());
                    }
                }, null);
                xml.close();
            }
            assertThat(example(name).reports()).as(name).isNotEmpty();
        }

        assertThat(invalid).anyMatch(message -> message.contains("numReportFailed"));
    }

    @Test
    void an_ack3_without_counts_takes_the_outcome_from_the_report_statuses() throws IOException {
        EmdrAcknowledgement ack = read("<submission><coreId>c1</coreId><report id=\"1234567-2026-00001\"><status>"
                + "failed</status></report><report id=\"1234567-2026-00002\"><status>passed</status></report>"
                + "</submission>");

        assertThat(ack.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(ack.reportsPassed()).isNull();
    }

    @Test
    void an_acknowledgement_with_a_dtd_or_entities_is_refused_before_anything_is_resolved() {
        String externalEntity = "<?xml version=\"1.0\"?><!DOCTYPE submission [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><submission><coreId>&x;</coreId></submission>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE submission [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;"
                + "&a;&a;&a;&a;&a;&a;\">]><submission><coreId>&b;</coreId></submission>";

        for (String hostile : new String[] { externalEntity, laughs }) {
            assertThatThrownBy(() -> read(hostile)).isInstanceOfSatisfying(XmlRefusedException.class,
                    e -> assertThat(e.reason()).isEqualTo(XmlRefusedException.Reason.DOCTYPE));
        }
        assertThatThrownBy(() -> read("<submission><coreId>&undeclared;</coreId></submission>"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void an_acknowledgement_beyond_the_size_limit_is_refused() {
        byte[] big = ("<submission><coreId>" + "x".repeat(2_000) + "</coreId></submission>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> org.vigil.mir.emdr.AcknowledgementReader.read(new ByteArrayInputStream(big),
                new HardenedXml.Limits(1_000, 10))).isInstanceOfSatisfying(XmlRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(XmlRefusedException.Reason.TOO_LARGE));
    }

    @Test
    void a_file_that_is_neither_ack2_nor_ack3_is_refused_naming_the_file() {
        for (String foreign : new String[] { "Hello FDA", "<incident version=\"7.3.1\"/>", "<submission>" }) {
            assertThatThrownBy(() -> read(foreign)).as(foreign).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                            .containsExactly("file"));
        }
    }
}

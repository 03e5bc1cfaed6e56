package org.vigil.mir.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.mir.AdministrativeInformation;
import org.vigil.mir.Comments;
import org.vigil.mir.DeviceInformation;
import org.vigil.mir.IncidentInformation;
import org.vigil.mir.InitialReporter;
import org.vigil.mir.ManufacturerInvestigation;
import org.vigil.mir.MirApproval;
import org.vigil.mir.MirForm;
import org.vigil.mir.MirPdf;
import org.vigil.mir.MirProblem;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportRules;
import org.vigil.mir.MirReportType;
import org.vigil.mir.Party;
import org.vigil.mir.Submitter;
import org.vigil.mir.model.MirReportExamples;
import org.vigil.mir.model.Records;
import org.vigil.shared.InvalidInputException;

/**
 * The MIR PDF (MDR Art. 87; MIR form 7.3.1, MDCG 2023-3) read back with PDFBox: laid out by the form's sections with
 * its numbers and labels, every field printed ("—" when not given), IMDRF codes and similar incidents shown, names in
 * any European script kept, "page X of Y" on every page, and either the electronic signature (21 CFR 11.50, 11.70)
 * or the draft marking on every page.
 */
class MirPdfTests {

    private static final String DRAFT = "DRAFT — not approved for submission";
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /** The text of every page, in page order. */
    private static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    /** The whole text with every run of white space, line breaks included, as one space. */
    private static String text(byte[] pdf) throws IOException {
        return String.join("\n", pages(pdf)).replaceAll("\\s+", " ");
    }

    /** Without any white space: for free text that may wrap anywhere, even inside a word such as a path. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static MirApproval approval() {
        return new MirApproval("Anna Berger", OffsetDateTime.parse("2026-03-20T11:02:33+01:00"),
                "approved for submission", HASH);
    }

    @ParameterizedTest
    @EnumSource(MirReportType.class)
    void every_report_type_prints_its_five_sections_with_the_forms_numbers_labels_and_values(MirReportType type)
            throws IOException {
        MirReport report = MirReportExamples.complete(type);
        String text = text(MirPdf.render(report, Optional.of(approval())));
        assertThat(text).contains("§1 Administrative information", "§2 Medical device information",
                "§3 Incident information", "§4 Manufacturer's investigation", "§5 Comments");
        assertThat(text).containsSubsequence("§1 Administrative information", "§2 Medical device information",
                "§3 Incident information", "§4 Manufacturer's investigation", "§5 Comments");
        assertThat(text).contains("1.2.c Manufacturer awareness date 2026-03-04",
                "1.2.e Type of report " + type.formText(),
                "1.1 Manufacturer's reference number VDM-MIR-2026-017",
                "1.1 Competent authority (NCA) the report is sent to DE-CA-000000001",
                "2.1 UDI-DI 09506000134352",
                "2.3.a Name of the device (brand or trade name) InfuStar 3",
                "Manufacturer: name Vigil Demo Medical GmbH",
                "Authorised representative: single registration number (SRN) NL-AR-000000987",
                "3.4 Name of the healthcare facility Charité Berlin",
                "3.3 Patient weight (kg) 68.5",
                "5 Report also sent to these competent authorities AT-CA-000000002");
        assertThat(text).contains(report.comments().comments(), report.investigation().preliminaryAnalysis());
    }

    @ParameterizedTest
    @EnumSource(MirReportType.class)
    void every_page_carries_the_report_type_and_reference_in_its_header_and_page_x_of_y_in_its_footer(
            MirReportType type) throws IOException {
        List<String> pages = pages(MirPdf.render(MirReportExamples.complete(type), Optional.of(approval())));
        assertThat(pages).hasSizeGreaterThan(1);
        for (int page = 1; page <= pages.size(); page++) {
            assertThat(pages.get(page - 1)).as("page %d", page)
                    .contains("page " + page + " of " + pages.size())
                    .contains("Manufacturer Incident Report (MIR 7.3.1) · " + type.formText()
                            + " · Manufacturer reference VDM-MIR-2026-017");
        }
    }

    @Test
    void imdrf_codes_of_every_annex_are_printed_with_their_code_values() throws IOException {
        String text = text(MirPdf.render(MirReportExamples.complete(MirReportType.FINAL_REPORTABLE),
                Optional.of(approval())));
        assertThat(text).contains("3.2 IMDRF Annex A: medical device problem codes", "1 A0401", "2 A050101",
                "3.3 IMDRF Annex E: clinical signs, symptoms and conditions codes", "1 E0604",
                "3.3 IMDRF Annex F: health impact codes", "1 F1201",
                "4.2 IMDRF Annex B: type of investigation codes", "1 B17",
                "4.2 IMDRF Annex C: investigation findings codes", "1 C0402",
                "4.2 IMDRF Annex D: investigation conclusions codes", "1 D0101",
                "4.2 IMDRF Annex G: medical device component codes", "1 G04001");
    }

    @Test
    void similar_incidents_are_a_table_with_one_row_per_period_and_its_rates() throws IOException {
        String text = text(MirPdf.render(MirReportExamples.complete(MirReportType.FOLLOW_UP),
                Optional.of(approval())));
        assertThat(text).contains("4.3 Similar incidents and units placed on the market per period",
                "2025-01-01 2025-12-31 2 10000 0.0200 % 3 25000 0.0120 %",
                "2026-01-01 2026-03-31 1 3000 0.0333 % 1 8000 0.0125 %",
                "4.3 IMDRF codes (or own coding) the similar incidents were found by A0401");
    }

    @Test
    void a_value_not_given_is_printed_as_a_dash_so_the_authority_sees_what_is_missing() throws IOException {
        MirReport report = MirReportExamples.complete(MirReportType.INITIAL);
        String text = text(MirPdf.render(report, Optional.empty()));
        // an initial report has no NCA or EUDAMED number yet, no implant dates and no root cause
        assertThat(text).contains("1.1 NCA report reference number —", "1.1 EUDAMED reference number —",
                "2.3.g Implant date (or first day of the period) —", "4.2 Root cause —",
                "Other submitter: name —");
    }

    @Test
    void a_report_with_nothing_filled_in_still_prints_every_section_and_field() throws IOException {
        var empty = new MirReport(null, null,
                new AdministrativeInformation(null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null),
                new DeviceInformation(null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null),
                new IncidentInformation(null, null, null, null, null, null, null, null, null),
                new ManufacturerInvestigation(null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null),
                null);
        String text = text(MirPdf.render(empty, Optional.empty()));
        assertThat(text).contains("Manufacturer Incident Report (MIR 7.3.1) · report type not given · "
                + "Manufacturer reference —", "1.2.e Type of report —", "2.1 UDI-DI —",
                "3.1 Description of the incident —", "4.5 Manufacturer's final comments and conclusions —",
                "5 General comments —", "Form language —", DRAFT);
        long fields = text.chars().filter(character -> character == '—').count();
        assertThat(fields).as("rows printed as not given").isGreaterThan(100);
    }

    @Test
    void names_in_polish_german_danish_and_greek_print_as_written() throws IOException {
        MirReport report = MirReportExamples.complete(MirReportType.INITIAL);
        Submitter submitter = report.administrative().submitter();
        Party manufacturer = new Party("Zakład Wyrobów Medycznych Łódź sp. z o.o.", "PL-MF-000004711", "Jürgen",
                "Müller", "ulica Piotrkowska", "104", "Łódź", "90-001", "PL", "+48 42 1234567",
                "czujność@zwm.example");
        Party representative = new Party("Ørsted Regulatory ApS", "DK-AR-000000321", "Søren", "Ørsted",
                "Nørregade", "7", "København", "1165", "DK", "+45 33 123456", "rep@orsted.example");
        var admin = Records.with(report.administrative(), "submitter",
                new Submitter(submitter.role(), manufacturer, representative, null, null));
        var incident = Records.with(report.incident(), "initialReporter",
                new InitialReporter("Healthcare professional", null, "Γενικό Νοσοκομείο Αθηνών «Ευαγγελισμός»",
                        "ΕΥ-2026-17", "GR"));
        report = MirReportExamples.withIncident(MirReportExamples.withAdmin(report, admin), incident);
        String text = text(MirPdf.render(report, Optional.empty()));
        assertThat(text).contains("Zakład Wyrobów Medycznych Łódź sp. z o.o.", "Jürgen", "Müller", "Łódź",
                "czujność@zwm.example", "Ørsted Regulatory ApS", "Søren", "København",
                "Γενικό Νοσοκομείο Αθηνών «Ευαγγελισμός»", "ΕΥ-2026-17");
    }

    @Test
    void an_approved_report_carries_the_signature_with_name_time_and_zone_meaning_and_hash_and_no_draft_mark()
            throws IOException {
        String text = text(MirPdf.render(MirReportExamples.complete(MirReportType.INITIAL),
                Optional.of(approval())));
        assertThat(text).contains("Electronic signature: approved for submission",
                "Signed by (printed name) Anna Berger",
                "Date and time of signing 2026-03-20 11:02:33 UTC+01:00",
                "Meaning of the signature approved for submission",
                "SHA-256 of the submitted MIR XML " + HASH);
        assertThat(text).doesNotContain("DRAFT");
    }

    @Test
    void the_signature_binds_to_the_hash_of_the_exact_xml_submitted() throws IOException {
        MirReport report = MirReportExamples.complete(MirReportType.INITIAL);
        byte[] xml = MirForm.write(report);
        String hash = MirApproval.contentHashOf(xml);
        assertThat(hash).hasSize(64).isNotEqualTo(MirApproval.contentHashOf(
                new String(xml, StandardCharsets.UTF_8).replace("InfuStar 3", "InfuStar 4")
                        .getBytes(StandardCharsets.UTF_8)));
        String text = text(MirPdf.render(report, Optional.of(new MirApproval("Anna Berger",
                OffsetDateTime.parse("2026-03-20T11:02:33Z"), "approved for submission", hash.toUpperCase()))));
        assertThat(text).contains("SHA-256 of the submitted MIR XML " + hash, "2026-03-20 11:02:33 UTC+00:00");
    }

    @Test
    void an_approval_without_name_time_meaning_or_a_sha_256_is_refused_naming_each() {
        assertThatThrownBy(() -> new MirApproval(" ", null, "", "abc"))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("printedName", "signedAt", "meaning", "contentHash"));
    }

    @Test
    void a_report_not_approved_is_marked_as_draft_on_every_page_and_carries_no_signature() throws IOException {
        List<String> pages = pages(MirPdf.render(MirReportExamples.complete(MirReportType.FINAL_REPORTABLE),
                Optional.empty()));
        assertThat(pages).hasSizeGreaterThan(1).allSatisfy(page -> assertThat(page).contains(DRAFT));
        assertThat(String.join("\n", pages)).doesNotContain("Electronic signature", "Signed by");
    }

    @Test
    void a_draft_lists_what_the_rules_of_its_report_type_still_find_wrong() throws IOException {
        MirReport report = MirReportExamples.complete(MirReportType.FINAL_REPORTABLE);
        report = MirReportExamples.withInvestigation(report,
                Records.with(report.investigation(), "rootCause", null));
        List<MirProblem> problems = MirReportRules.check(report);
        assertThat(problems).isNotEmpty();
        String text = text(MirPdf.render(report, Optional.empty()));
        assertThat(text).contains("find " + problems.size() + " problem(s) to resolve before submission");
        for (MirProblem problem : problems) {
            assertThat(flat(text)).contains(flat(problem.message()));
        }
        String complete = text(MirPdf.render(MirReportExamples.complete(MirReportType.FINAL_REPORTABLE),
                Optional.empty()));
        assertThat(complete).contains(DRAFT).doesNotContain("to resolve before submission");
    }

    @Test
    void text_with_markup_is_printed_as_text_never_read_as_markup() throws IOException {
        MirReport report = MirReportExamples.complete(MirReportType.INITIAL);
        String hostile = "<script>alert('x')</script> & <b>bold</b> <img src=\"file:///etc/passwd\"/> "
                + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]> &e; &amp;";
        report = MirReportExamples.withIncident(report, Records.with(report.incident(), "description", hostile));
        report = new MirReport(report.formLanguage(), report.created(), report.administrative(), report.device(),
                report.incident(), report.investigation(), new Comments("Smith & Nephew <Ltd>", List.of()));
        String text = text(MirPdf.render(report, Optional.empty()));
        assertThat(flat(text)).contains(flat(hostile), flat("Smith & Nephew <Ltd>"));
    }

    @Test
    void free_text_longer_than_a_page_flows_onto_the_next_pages_and_keeps_its_line_breaks() throws IOException {
        MirReport report = MirReportExamples.complete(MirReportType.INITIAL);
        StringBuilder description = new StringBuilder();
        for (int line = 1; line <= 150; line++) {
            description.append("Observation ").append(line).append(": the pump alarmed.\n");
        }
        report = MirReportExamples.withIncident(report,
                Records.with(report.incident(), "description", description.toString()));
        List<String> pages = pages(MirPdf.render(report, Optional.empty()));
        String text = String.join("\n", pages);
        assertThat(pages.size()).isGreaterThan(3);
        assertThat(text).contains("Observation 1: the pump alarmed.\nObservation 2: the pump alarmed.",
                "Observation 150: the pump alarmed.");
        Matcher last = Pattern.compile("page (\\d+) of (\\d+)").matcher(pages.getLast());
        assertThat(last.find()).isTrue();
        assertThat(last.group(1)).isEqualTo(last.group(2)).isEqualTo(String.valueOf(pages.size()));
    }

    @Test
    void the_pdf_is_an_archival_pdf_a_2u_titled_by_report_type_and_reference_with_every_font_embedded()
            throws IOException {
        byte[] pdf = MirPdf.render(MirReportExamples.complete(MirReportType.FOLLOW_UP), Optional.of(approval()));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("MIR 7.3.1 Follow up report VDM-MIR-2026-017");
            String xmp;
            try (var metadata = document.getDocumentCatalog().getMetadata().createInputStream()) {
                xmp = new String(metadata.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            }
            assertThat(xmp).containsPattern("pdfaid:part(=\"|>)2").containsPattern("pdfaid:conformance(=\"|>)U");
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).isEmbedded()).as(name.getName()).isTrue();
                }
            }
        }
    }
}

package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.zip.ZipInputStream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.vigil.support.Chromium;

/**
 * From a reportable demo case to a submitted initial MIR through the real pages in a real browser (MDR Art. 87;
 * MIR 7.3.1; 21 CFR 11.50, 11.200 for the approval): Manufacturer A's vigilance officer triages Hospital A's pump case,
 * generates the initial report from the case, sees what the report type still misses, fixes it, signs with the
 * password, downloads the submission package (form XML, EUDAMED XML, PDF, attachment list, manifest), records the
 * submission to the Finnish authority, and the initial report's deadline is closed. The final report then continues
 * the initial one (the authority's reference carried over), gets the investigation's results (MDR Art. 89(5): root
 * cause, IMDRF Annex B, C and D codes, similar incidents with units), is signed, downloads as form XML and PDF and is
 * submitted, which closes the final report's deadline that the initial report announced (§1.2.f).
 *
 * <p>A database of its own ({@code vigil_mir}) so that the demo cases are untouched by the other browser tests.
 * Skipped when chromium is missing, failed when {@code VIGIL_REQUIRE_BROWSER=1}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vigil.embedded-db.database=vigil_mir")
@ActiveProfiles("demo")
class MirBrowserTests {

    private static final String PASSWORD = "Vigil-demo-2026";
    private static final String VIGILANCE = "vigilance@manufacturer-a.demo";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final Chromium.PerClass chromium = new Chromium.PerClass();

    @LocalServerPort
    int port;

    @Test
    void a_vigilance_officer_takes_a_demo_case_to_a_submitted_initial_and_final_MIR_and_both_deadlines_close()
            throws Exception {
        try (BrowserContext session = chromium.newSession(1400, 1000)) {
            var page = session.newPage();
            Chromium.signIn(page, url(""), VIGILANCE, PASSWORD);

            // 1. The pump case is triaged reportable (the reportability browser test shows that page in detail).
            page.navigate(url("/inbox"));
            var row = page.locator("#inbox tr").filter(new Locator.FilterOptions().setHasText("Hospital A"))
                    .filter(new Locator.FilterOptions().setHasText("InfuFlow"));
            row.getByRole(AriaRole.LINK).first().click();
            String caseUrl = page.url();
            page.locator("#reportability-link").click();
            page.locator("#incident-true").check();
            page.locator("#publicHealthThreat-false").check();
            page.locator("#deteriorationAnticipated-false").check();
            page.locator("#expectedSideEffect-false").check();
            page.locator("#causality").selectOption("CANNOT_BE_EXCLUDED");
            page.locator("#useContext").selectOption("NORMAL_USE");
            page.locator("#rationale").fill("The pump stopped without alarm; a link cannot be excluded.");
            page.locator("#password").fill(PASSWORD);
            page.locator("#sign-decision").click();
            page.waitForSelector("#signature");

            // 2. The initial report is generated from the case.
            page.navigate(caseUrl);
            page.locator("#mir-link").click();
            page.locator("#type").selectOption("INITIAL");
            page.locator("#start-report").click();
            page.waitForSelector("#mir-form");
            assertThat(page.locator("#f-device-info-brandName").inputValue()).contains("InfuFlow");
            assertThat(page.locator("#f-admin-info-eventClassification").inputValue())
                    .isEqualTo("Unanticipated serious deterioration in state of health");

            // 3. What the initial report still misses is listed, and approval waits for it.
            String missing = page.locator("#missing").innerText();
            assertThat(missing).contains("preliminary analysis");
            assertThat(page.locator("#approve").isDisabled()).isTrue();
            if (page.locator("#f-admin-info-ncaName").inputValue().isBlank()) {
                page.locator("#f-admin-info-ncaName").fill("Fimea (Finnish Medicines Agency)");
            }
            if (page.locator("#f-admin-info-reportNextDate").inputValue().isBlank()) {
                page.locator("#f-admin-info-reportNextDate").fill(LocalDate.now().plusDays(30).toString());
            }
            // EUDAMED's dossier also wants the contact's telephone, which Vigil keeps nowhere, and a clinical sign
            // (IMDRF Annex E) beside the hospital's health impact code.
            assertThat(page.locator("#eudamed-missing").innerText()).contains("telephone");
            page.locator("#f-admin-info-contact-info-reporterMfr-mfrDetails-mfrPhone").fill("+49 30 1234567");
            page.locator("#f-incident-info-patient-info-imdrfClinicalCodeChoice-").fill("E2110");
            page.locator("#f-mfr-invest-manufacturersPrelimAnalysis").fill(
                    "The returned pump's log shows a motor stall without the occlusion alarm; analysis continues.");
            page.locator("#note").fill("Preliminary analysis and next report date added");
            page.locator("#save-version").click();
            page.waitForSelector("#complete");
            assertThat(page.locator("#shown-version").textContent()).isEqualTo("2");
            assertThat(page.locator("#eudamed-missing").count() == 0 ? "" : page.locator("#eudamed-missing").innerText())
                    .as("what the EUDAMED dossier still needs").isEmpty();
            assertThat(page.locator("#download-eudamed").isVisible()).isTrue();

            // 4. Approval is a signature over the exact form XML: name, time, meaning, SHA-256.
            page.locator("#password").fill(PASSWORD);
            page.locator("#approve").click();
            page.waitForSelector("#signature");
            assertThat(page.locator("#signer").textContent()).isEqualTo("Jonas Weber");
            assertThat(page.locator("#signature-meaning").textContent()).isEqualTo("approved for submission");

            // 5. The submission package downloads as one zip.
            var download = page.waitForDownload(() -> page.locator("#download-package").click());
            var entries = new ArrayList<String>();
            String manifest = "";
            try (var zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(download.path())))) {
                for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    entries.add(entry.getName());
                    if (entry.getName().equals("manifest.txt")) {
                        manifest = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
            }
            assertThat(manifest).as("the manifest").contains("Jonas Weber", "approved for submission")
                    .doesNotContain("EUDAMED XML not included");
            assertThat(entries).anyMatch(name -> name.endsWith(".pdf")).anyMatch(name -> name.endsWith("-form.xml"))
                    .anyMatch(name -> name.endsWith("-eudamed.xml")).contains("attachments.txt", "manifest.txt");

            // 6. The submission to the Finnish authority is recorded and closes the initial report's deadline.
            page.locator("#recipient").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Competent authority of FI"));
            page.locator("#channel").selectOption("EMAIL_PACKAGE");
            page.locator("#authorityReference").fill("FIMEA-2026-0042");
            page.locator("#record-submission").click();
            page.waitForSelector(".submission");
            assertThat(page.locator("#report-state").textContent()).isEqualTo("Submitted");
            assertThat(page.locator(".submission").first().innerText()).contains("FIMEA-2026-0042",
                    "1 obligation(s) closed");
            Files.createDirectories(SCREENSHOTS);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("mir-submitted.png"))
                    .setFullPage(true));

            page.navigate(caseUrl.replaceAll("/?$", "") + "/reportability");
            var obligations = page.locator("#obligations tbody tr").filter(new Locator.FilterOptions()
                    .setHasText("Competent authority of FI")).filter(new Locator.FilterOptions()
                    .setHasText("Initial report"));
            assertThat(obligations.innerText()).contains("Submitted", "FIMEA-2026-0042");

            // 7. The final report continues the initial one; the investigation's results complete it.
            page.navigate(caseUrl);
            page.locator("#mir-link").click();
            page.locator("#type").selectOption("FINAL_REPORTABLE");
            page.locator("#start-report").click();
            page.waitForSelector("#mir-form");
            assertThat(page.locator("#f-admin-info-ncaReportNo").inputValue()).isEqualTo("FIMEA-2026-0042");
            page.locator("#f-mfr-invest-rootCause").fill("A worn motor bearing stalled the motor; the stall detection "
                    + "missed it below 2 ml/h.");
            page.locator("#f-mfr-invest-imdrfInvestigationTypeCodeChoice-").fill("B01");
            page.locator("#f-mfr-invest-imdrfInvestigationFindingCodeChoice-").fill("C0402");
            page.locator("#f-mfr-invest-imdrfInvestigationConclusionCodeChoice-").fill("D0101");
            page.locator("#f-mfr-invest-riskAssessmentReviewed").selectOption("Yes");
            page.locator("#f-mfr-invest-riskAssessmentAdequate").selectOption("No");
            page.locator("#f-mfr-invest-manufacturersFinalComments").fill("Stall detection corrected in firmware 2.4.");
            for (int period = 0; page.locator("#f-mfr-invest-similarIncidents-similarIncidentsPeriod-" + period
                    + "-periodFrom").inputValue().length() > 0; period++) {
                for (String area : new String[] { "EEA", "Worldwide" }) {
                    var units = page.locator("#f-mfr-invest-similarIncidents-similarIncidentsPeriod-" + period
                            + "-units" + area);
                    if (units.inputValue().isBlank()) {
                        units.fill(area.equals("EEA") ? "1000" : "4000");
                    }
                }
            }
            page.locator("#save-version").click();
            page.waitForSelector("#mir-form");
            assertThat(page.locator("#missing").count() == 0 ? "" : page.locator("#missing").innerText())
                    .as("what the final report still misses").isEmpty();
            page.locator("#password").fill(PASSWORD);
            page.locator("#approve").click();
            page.waitForSelector("#signature");

            // 8. Both documents of the final report download: the form XML and the signed PDF.
            var xml = page.waitForDownload(() -> page.locator("#download-form").click());
            assertThat(Files.readString(xml.path())).contains("<reportType>Final (reportable incident)</reportType>");
            var pdf = page.waitForDownload(() -> page.locator("#download-pdf").click());
            assertThat(new String(Files.readAllBytes(pdf.path()), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isEqualTo("%PDF-");

            page.locator("#recipient").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Competent authority of FI"));
            page.locator("#channel").selectOption("EMAIL_PACKAGE");
            page.locator("#record-submission").click();
            page.waitForSelector(".submission");
            assertThat(page.locator(".submission").first().innerText()).contains("1 obligation(s) closed");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

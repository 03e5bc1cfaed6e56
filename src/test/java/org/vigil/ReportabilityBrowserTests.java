package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

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
 * Triage with signature and the deadline board, through the real pages in a real browser on the demo data: Manufacturer
 * A's vigilance officer opens Hospital A's infusion-pump case, answers the reportability questions (MDR Art. 2(64)–
 * (66), MDCG 2023-3), is refused with a wrong password (nothing saved), signs with the right one (21 CFR 11.50, 11.200)
 * and sees the decision's signature and the case's obligations per authority, each with its article: the Finnish
 * competent authority (MDR Art. 87(5), 10 days) and FDA (21 CFR 803.50, the pump is also sold in the US). The deadline
 * board then shows both, earliest first.
 *
 * <p>A database of its own ({@code vigil_triage}) so that the demo cases are untouched by the other browser tests.
 * Skipped when chromium is missing, failed when {@code VIGIL_REQUIRE_BROWSER=1}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vigil.embedded-db.database=vigil_triage")
@ActiveProfiles("demo")
class ReportabilityBrowserTests {

    private static final String PASSWORD = "Vigil-demo-2026";
    private static final String VIGILANCE = "vigilance@manufacturer-a.demo";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final Chromium.PerClass chromium = new Chromium.PerClass();

    @LocalServerPort
    int port;

    @Test
    void a_vigilance_officer_triages_a_demo_case_signs_it_and_sees_its_deadlines_per_authority_on_the_board()
            throws Exception {
        try (var session = signedIn(VIGILANCE)) {
            var page = session.pages().getFirst();

            // 1. From the inbox to Hospital A's pump case and its reportability page.
            page.navigate(url("/inbox"));
            var row = page.locator("#inbox tr").filter(new Locator.FilterOptions().setHasText("Hospital A"))
                    .filter(new Locator.FilterOptions().setHasText("InfuFlow"));
            String reference = row.getByRole(AriaRole.LINK).first().textContent().strip();
            row.getByRole(AriaRole.LINK).first().click();
            page.locator("#reportability-link").click();
            page.waitForSelector("#no-decision");

            // 2. The form starts from what the case tells: the hospital coded a prolonged stay (IMDRF F08), Finland,
            //    the pump's EU and US markets.
            assertThat(page.locator("#outcome-HOSPITALISATION").isChecked()).isTrue();
            assertThat(page.locator("#incidentCountry").inputValue()).isEqualTo("FI");
            assertThat(page.locator("#market-EU").isChecked()).isTrue();
            assertThat(page.locator("#market-US").isChecked()).isTrue();
            page.locator("#incident-true").check();
            page.locator("#publicHealthThreat-false").check();
            page.locator("#deteriorationAnticipated-false").check();
            page.locator("#expectedSideEffect-false").check();
            page.locator("#causality").selectOption("CANNOT_BE_EXCLUDED");
            page.locator("#useContext").selectOption("NORMAL_USE");
            page.locator("#rationale").fill("The pump stopped without alarm; the stay in intensive care was prolonged. "
                    + "A link cannot be excluded until the pump is analysed.");

            // 3. A wrong password signs nothing and keeps the answers.
            page.locator("#password").fill("not-my-password");
            page.locator("#sign-decision").click();
            page.waitForSelector("#password-problem");
            assertThat(page.locator("#password-problem").textContent()).contains("not your password");
            assertThat(page.locator("#no-decision").isVisible()).isTrue();
            assertThat(page.locator("#rationale").inputValue()).startsWith("The pump stopped without alarm");

            // 4. The right password signs: name, time, meaning, and the obligations with their articles.
            page.locator("#password").fill(PASSWORD);
            page.locator("#sign-decision").click();
            page.waitForSelector("#signature");
            assertThat(page.locator("#classification").textContent())
                    .isEqualTo("Unanticipated serious deterioration in state of health");
            assertThat(page.locator("#signer").textContent()).isEqualTo("Jonas Weber");
            assertThat(page.locator("#signature-meaning").textContent()).isEqualTo("reportability decision");
            assertThat(page.locator("#signature-intact").isVisible()).isTrue();
            String obligations = page.locator("#obligations").innerText();
            assertThat(obligations).contains("Competent authority of FI", "MDR Art. 87(5)",
                    "US Food and Drug Administration", "21 CFR 803.50");

            Files.createDirectories(SCREENSHOTS);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("triage-signed.png"))
                    .setFullPage(true));

            // 5. The deadline board lists both duties of the case, the 10-day EU report before FDA's 30 days.
            page.navigate(url("/deadlines"));
            var rows = page.locator("#board tbody tr").filter(new Locator.FilterOptions().setHasText(reference));
            assertThat(rows.count()).isEqualTo(2);
            assertThat(rows.nth(0).innerText()).contains("MDR Art. 87(5)");
            assertThat(rows.nth(1).innerText()).contains("21 CFR 803.50");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("deadline-board.png"))
                    .setFullPage(true));
        }
    }

    private BrowserContext signedIn(String email) {
        var context = chromium.newSession(1280, 900);
        var page = context.newPage();
        Chromium.signIn(page, url(""), email, PASSWORD);
        return context;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vigil.support.Chromium;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Signing in as a person does it, in a real browser (Debian's chromium driven by Playwright): the sign-in page, the
 * dashboard the person lands on, the message for a wrong password, and the keyboard skip link. 21 CFR 11.10(d)
 * and 11.300: only people who prove who they are reach the records; 21 CFR 11.10(a): the system is validated as it
 * is used, through the browser, not only through its API.
 *
 * <p>Vigil runs with the {@code demo} profile in a database of its own ({@code vigil_browser}) of the shared
 * embedded server, so the demo people are loaded into an empty database. The browser is the one Debian packages
 * ({@code VIGIL_CHROMIUM} overrides {@code /usr/bin/chromium}); Playwright never downloads one. Without chromium the
 * tests are skipped, or fail when {@code VIGIL_REQUIRE_BROWSER=1} (as in CI), so that a missing browser cannot pass
 * unnoticed there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vigil.embedded-db.database=vigil_browser")
@ActiveProfiles("demo")
class BrowserSignInTests {

    private static final String PASSWORD = "Vigil-demo-2026";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final Chromium.PerClass chromium = new Chromium.PerClass();

    @LocalServerPort
    int port;

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void open_a_fresh_browser_session() {
        context = chromium.newSession(1280, 800);
        page = context.newPage();
    }

    @AfterEach
    void close_the_browser_session() {
        if (context != null) {
            context.close();
        }
    }

    /**
     * A reporter of Hospital A signs in with e-mail and password and lands on the dashboard, which greets them by
     * name and shows their organisation. The page is kept as {@code target/screenshots/reporter-dashboard.png}.
     * Source: 21 CFR 11.10(d), 11.300.
     */
    @Test
    void a_reporter_signs_in_and_sees_the_dashboard_of_their_organisation() throws Exception {
        page.navigate(url("/login"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Sign in to Vigil");
        page.getByLabel("E-mail address").fill("reporter@hospital-a.demo");
        page.getByLabel("Password").fill(PASSWORD);
        page.locator("form button[type=submit]").click();
        page.waitForURL(url("/"));

        assertThat(page.locator("main h1").textContent().strip()).isEqualTo("Welcome, Aino Virtanen");
        assertThat(page.locator("header").innerText()).contains("Aino Virtanen", "Hospital A");
        assertThat(page.locator("main").innerText()).contains("Hospital A");

        Files.createDirectories(SCREENSHOTS);
        Path screenshot = SCREENSHOTS.resolve("reporter-dashboard.png");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));
        assertThat(screenshot).isNotEmptyFile();
    }

    /**
     * A wrong password keeps the person on the sign-in page with an error message that says what to check. Source:
     * 21 CFR 11.300(d) (attempts at unauthorised use are refused).
     */
    @Test
    void a_wrong_password_shows_the_sign_in_error() {
        signIn("safety@hospital-a.demo", "not-the-password");
        page.waitForURL(url("/login?error"));

        var alert = page.locator(".alert-danger[role=alert]");
        assertThat(alert.isVisible()).isTrue();
        assertThat(alert.textContent()).contains("Sign-in failed: check your e-mail address and password.");
        assertThat(page.locator("main h1").textContent()).isEqualTo("Sign in to Vigil");
    }

    /**
     * Every page starts with a link that skips to the main content (WCAG 2.4.1 bypass blocks): on the dashboard it
     * is the first thing the keyboard reaches, it shows when focused, and following it moves to the main region.
     * Source: WCAG 2.1 §2.4.1 (EN 301 549); 21 CFR 11.10(a), validated as used.
     */
    @Test
    void the_first_tab_reaches_the_skip_link_to_the_main_content() {
        page.navigate(url("/login"));
        assertThat(page.locator("a.skip-link[href='#main']").textContent()).isEqualTo("Skip to main content");

        signIn("reporter@hospital-a.demo", PASSWORD);
        page.waitForURL(url("/"));
        page.keyboard().press("Tab");
        assertThat(page.evaluate("document.activeElement.textContent.trim()")).isEqualTo("Skip to main content");
        assertThat(page.evaluate("document.activeElement.getAttribute('href')")).isEqualTo("#main");
        assertThat(page.locator("a.skip-link").isVisible()).as("the focused skip link is visible").isTrue();

        page.keyboard().press("Enter");
        assertThat(page.url()).endsWith("#main");
        assertThat(page.locator("main#main").count()).isEqualTo(1);
    }

    private void signIn(String email, String password) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(password);
        page.locator("form button[type=submit]").click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

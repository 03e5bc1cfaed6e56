package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The IMDRF code picker as a person uses it, in a real browser (Debian's chromium driven by Playwright, set up as in
 * {@link BrowserSignInTests}): typing words shows matching terms with their definitions, the keyboard chooses one,
 * a retired term is shown but cannot be chosen, and the chosen codes pass the check a report form applies. Source:
 * IMDRF/AE WG N43 (retired terms are not used for new reports); MIR 7.3.1 §3.2 (Annex A device problem code);
 * WCAG 2.1 §2.1.1 (keyboard) and §4.1.2 (name, role, value: combobox and listbox roles).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vigil.embedded-db.database=vigil_browser")
@ActiveProfiles("demo")
class TerminologyPickerBrowserTests {

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
     * A reporter types "implant subs" in the Annex A picker, sees A0107 Implant subsidence with its definition,
     * chooses it with the arrow key and Enter; in the Annex G picker the retired G04081 Leaflet is listed as retired
     * and a click does not choose it, while G04040 Cusp/Leaflet is chosen by a click; checking the codes accepts
     * both. The page is kept as {@code target/screenshots/imdrf-picker.png}.
     */
    @Test
    void a_reporter_types_in_the_imdrf_picker_sees_a_term_with_its_definition_and_picks_it() throws Exception {
        Chromium.signIn(page, url(""), "reporter@hospital-a.demo", PASSWORD);
        page.navigate(url("/terminology"));

        var problem = page.locator("#problem-search");
        assertThat(problem.getAttribute("role")).isEqualTo("combobox");
        problem.click();
        problem.pressSequentially("implant subs", new com.microsoft.playwright.Locator.PressSequentiallyOptions()
                .setDelay(30));
        var option = page.locator("#problem-options [role=option][data-code=A0107]");
        option.waitFor();
        assertThat(option.innerText()).contains("A0107", "Implant subsidence",
                "settling or collapse of bone adjacent to an implanted device");
        assertThat(problem.getAttribute("aria-expanded")).isEqualTo("true");

        Files.createDirectories(SCREENSHOTS);
        Path screenshot = SCREENSHOTS.resolve("imdrf-picker.png");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));

        page.keyboard().press("ArrowDown");
        assertThat(problem.getAttribute("aria-activedescendant")).isEqualTo(option.getAttribute("id"));
        page.keyboard().press("Enter");
        assertThat(page.locator("input[type=hidden][name=problem]").inputValue()).isEqualTo("A0107");
        assertThat(problem.inputValue()).isEqualTo("A0107 — Implant subsidence");
        assertThat(problem.getAttribute("aria-expanded")).isEqualTo("false");

        var component = page.locator("#component-search");
        component.click();
        component.pressSequentially("leaflet", new com.microsoft.playwright.Locator.PressSequentiallyOptions()
                .setDelay(30));
        var retired = page.locator("#component-options [role=option][data-code=G04081]");
        retired.waitFor();
        assertThat(retired.getAttribute("aria-disabled")).isEqualTo("true");
        assertThat(retired.innerText()).contains("Retired");
        assertThat(retired.isEnabled()).as("Playwright sees the aria-disabled option as not enabled").isFalse();
        retired.click(new com.microsoft.playwright.Locator.ClickOptions().setForce(true));
        assertThat(page.locator("input[type=hidden][name=component]").inputValue()).isEmpty();
        page.locator("#component-options [role=option][data-code=G04040]").click();
        assertThat(page.locator("input[type=hidden][name=component]").inputValue()).isEqualTo("G04040");

        page.locator("#picker-demo button[type=submit]").click();
        page.waitForURL(url("/terminology/picker-check**"));
        assertThat(page.locator("[role=status]").innerText()).contains("A0107 Implant subsidence",
                "G04040 Cusp/Leaflet");
        assertThat(page.url()).doesNotContain("q=");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

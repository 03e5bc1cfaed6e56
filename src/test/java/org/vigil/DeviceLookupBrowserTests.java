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
 * A hospital user scans a device label at the bedside, in a real browser (Debian's chromium driven by Playwright),
 * on the demo data: barcode scanners type like a keyboard, GS separators included, and end with Enter; the lookup
 * shows the device with its lot, serial and expiry (MDR Art. 27, Annex VI Part C), and a bad scan shows what is wrong
 * and where. Runs in the same Vigil as {@link BrowserSignInTests} (same demo database), and is skipped like it when
 * chromium is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vigil.embedded-db.database=vigil_browser")
@ActiveProfiles("demo")
class DeviceLookupBrowserTests {

    private static final String PASSWORD = "Vigil-demo-2026";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The demo hip stem of Manufacturer A (see the README's demo scans). */
    private static final String HIP_STEM_GTIN = "04069999000015";

    @RegisterExtension
    static final Chromium.PerClass chromium = new Chromium.PerClass();

    @LocalServerPort
    int port;

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void sign_in_as_a_hospital_reporter() {
        context = chromium.newSession(1280, 900);
        page = context.newPage();
        Chromium.signIn(page, url(""), "reporter@hospital-a.demo", PASSWORD);
    }

    @AfterEach
    void close_the_browser_session() {
        if (context != null) {
            context.close();
        }
    }

    /**
     * The reporter follows "Scan a device" in the navigation; the search field has the focus, so the scanner's
     * keystrokes (GS1 scan data with AIM identifier and GS separators, then Enter) land in it; the page shows the demo
     * hip stem with lot LOT42, serial SN1 and expiry 2027-12-31. Source: MDR Art. 27(1), Annex VI Part C 1 (UDI-DI and
     * UDI-PI); GS1 General Specifications 7.8.
     */
    @Test
    void a_hospital_user_scans_a_gs1_label_and_sees_the_device_with_lot_serial_and_expiry() throws Exception {
        page.locator("nav a[href='/devices/lookup']").click();
        page.waitForURL(url("/devices/lookup"));
        assertThat(page.evaluate("document.activeElement.id")).isEqualTo("scan");

        page.keyboard().type("]C101" + HIP_STEM_GTIN + "17271231");
        page.keyboard().insertText("\u001D");
        page.keyboard().type("10LOT42");
        page.keyboard().insertText("\u001D");
        page.keyboard().type("21SN1");
        page.keyboard().press("Enter");
        page.waitForSelector("#scan-result");

        assertThat(page.locator("#udi-lot").textContent()).isEqualTo("LOT42");
        assertThat(page.locator("#udi-serial").textContent()).isEqualTo("SN1");
        assertThat(page.locator("#udi-expiry").textContent()).isEqualTo("2027-12-31");
        assertThat(page.locator("#scan-device").innerText()).contains("Vigil Hip Stem size 12", "Manufacturer A");
        assertThat(page.locator("#scan-problems").count()).isZero();
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("device-lookup.png"))
                .setFullPage(true));
    }

    /**
     * A scanner that sends GS as the keyboard-wedge text {@code <GS>} works too; a scan whose GTIN check digit is
     * wrong shows the problem with its position and marks that character. Source: GS1 General Specifications 7.9.1
     * (check digit), MDR Annex VI Part C 1.
     */
    @Test
    void a_bad_scan_shows_the_problem_and_marks_its_position() {
        page.navigate(url("/devices/lookup"));
        page.keyboard().type("]C101" + HIP_STEM_GTIN + "10LOT7<GS>17280131");
        page.keyboard().press("Enter");
        page.waitForSelector("#scan-result");
        assertThat(page.locator("#udi-lot").textContent()).isEqualTo("LOT7");
        assertThat(page.locator("#scan-device").innerText()).contains("Vigil Hip Stem size 12");

        page.locator("#scan").fill("");
        page.locator("#scan").focus();
        page.keyboard().type("(01)04069999000016(17)271231");
        page.keyboard().press("Enter");
        page.waitForSelector("#scan-problems");
        assertThat(page.locator("#scan-problems").innerText()).contains("Character 18");
        assertThat(page.locator("#scan-result mark").first().getAttribute("title")).isEqualTo("Character 18");
        assertThat(page.locator("#scan-result mark").first().textContent()).isEqualTo("6");
    }

    /**
     * The same field searches by name as the person types (htmx type-ahead, no Enter needed); the device list's search
     * does too, and a device's page shows its markets but not the manufacturer's units placed (commercial figures).
     * Source: MDR Art. 26 (EMDN), Art. 33(5) (public UDI data).
     */
    @Test
    void typing_a_name_suggests_devices_and_the_device_page_shows_markets_without_units_placed() throws Exception {
        page.navigate(url("/devices/lookup"));
        page.keyboard().type("foley");
        page.waitForSelector("#matches a.list-group-item");
        assertThat(page.locator("#matches").innerText()).contains("SoftFlow Foley 14 Fr", "Manufacturer B");

        page.navigate(url("/devices"));
        page.locator("#q").pressSequentially("InfuFlow");
        page.waitForSelector("#matches a.list-group-item");
        page.locator("#matches a.list-group-item").first().click();
        page.waitForSelector("main h1");
        assertThat(page.locator("main h1").textContent()).isEqualTo("Vigil InfuFlow 300");
        assertThat(page.locator("main").innerText()).contains("04069999010014", "Markets", "FI");
        assertThat(page.locator("#units-placed").count()).isZero();
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("device-udi-di.png"))
                .setFullPage(true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import javax.imageio.ImageIO;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.support.Chromium;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A hospital reporter reports an incident in a real browser (Debian's chromium driven by Playwright) on the demo data:
 * scans the device's UDI, codes the problem with the IMDRF Annex A picker, attaches a photo and submits; the draft is
 * saved as they type, and the submitted report shows its reference. Source: MDR Art. 87(10)–(11) (users report
 * incidents), Art. 27 and Annex VI Part C (UDI), MIR 7.3.1 section 4.1 (Annex A codes). Runs in the same Vigil as
 * {@link BrowserSignInTests} and is skipped like it when chromium is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vigil.embedded-db.database=vigil_browser")
@ActiveProfiles("demo")
@ExtendWith(Chromium.WhenInstalled.class)
class IncidentReportBrowserTests {

    private static final String PASSWORD = "Vigil-demo-2026";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Chromium chromium;

    @LocalServerPort
    int port;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launch_chromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close_chromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void sign_in_as_a_hospital_reporter() {
        context = chromium.newSession(1280, 900);
        page = context.newPage();
        page.navigate(url("/login"));
        page.getByLabel("E-mail address").fill("reporter@hospital-a.demo");
        page.getByLabel("Password").fill(PASSWORD);
        page.locator("form button[type=submit]").click();
        page.waitForURL(url("/"));
    }

    @AfterEach
    void close_the_browser_session() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void a_reporter_scans_the_device_codes_the_problem_attaches_a_photo_and_submits_per_mdr_art_87() throws Exception {
        page.locator("nav a[href='/reports/new']").click();
        page.waitForURL(url("/reports/new"));
        page.locator("#start-report").click();
        page.waitForURL(url("/reports/*"));
        assertThat(page.evaluate("document.activeElement.id")).isEqualTo("scan");

        // The scanner types the demo hip stem's label and presses Enter.
        page.keyboard().type("(01)04069999000015(17)271231(10)LOT42(21)SN1");
        page.keyboard().press("Enter");
        page.waitForSelector("#found-device");
        assertThat(page.locator("#found-device").innerText()).contains("Vigil Hip Stem size 12", "LOT42", "SN1",
                "2027-12-31");
        assertThat(page.locator("#deviceLot").inputValue()).isEqualTo("LOT42");

        page.locator("#occurredOn").fill(LocalDate.now().minusDays(1).toString());
        page.locator("#department").fill("Orthopaedics");
        page.locator("#description").fill("Radiograph at follow-up shows the stem has subsided by 6 mm.");

        var problem = page.locator("#deviceProblemCode1-search");
        problem.click();
        problem.pressSequentially("implant subs", new Locator.PressSequentiallyOptions().setDelay(30));
        page.locator("#deviceProblemCode1-options [role=option][data-code=A0107]").waitFor();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        assertThat(page.locator("input[type=hidden][name=deviceProblemCode1]").inputValue()).isEqualTo("A0107");

        page.locator("#personInvolved").selectOption("NONE");
        page.locator("#deviceAvailability").selectOption("NOT_AVAILABLE");
        // The draft saves itself shortly after the last keystroke.
        page.waitForResponse(response -> response.url().endsWith("/draft") && response.status() == 200,
                () -> page.locator("#deviceLocation").fill("Still implanted"));
        page.waitForSelector("#save-status:has-text('Saved at')");

        Path photo = Path.of("target", "browser-photo.jpg");
        Files.createDirectories(photo.getParent());
        var image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, 48, 32);
        graphics.dispose();
        ImageIO.write(image, "jpg", photo.toFile());
        page.locator("#file").setInputFiles(photo);
        page.locator("#attach").click();
        page.waitForSelector("#attachment-list");
        assertThat(page.locator("#attachment-list").innerText()).contains("browser-photo.jpg", "image/jpeg");
        // The page came back with everything typed before the upload.
        assertThat(page.locator("#description").inputValue()).contains("subsided by 6 mm");
        assertThat(page.locator("input[type=hidden][name=deviceProblemCode1]").inputValue()).isEqualTo("A0107");

        page.locator("#submit-report").click();
        page.waitForSelector("#report-reference");
        assertThat(page.locator("#report-reference").textContent()).matches("IR-\\d{4}-\\d{5}");
        assertThat(page.locator("#report-status").textContent()).isEqualTo("Submitted");
        assertThat(page.locator("#report-device").innerText()).contains("Vigil Hip Stem size 12");
        assertThat(page.locator("#case-link").getAttribute("href")).startsWith("/cases/by-report/");
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("incident-report-submitted.png"))
                .setFullPage(true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

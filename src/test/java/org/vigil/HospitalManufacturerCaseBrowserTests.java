package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigil.support.Chromium;
import org.vigil.support.TestSmtpServer;

/**
 * The whole way of one incident between a hospital and a manufacturer, through the real pages in real browsers
 * (Debian's chromium driven by Playwright) on the demo data, with e-mail through a real SMTP server (GreenMail). Hospital
 * A's reporter scans the demo hip stem's UDI, codes the problem with the IMDRF Annex A picker, attaches a photo and
 * submits (MDR Art. 87(10)–(11), Art. 27 and Annex VI Part C, MIR 7.3.1 section 4.1); Manufacturer A's vigilance
 * officer, told by e-mail, finds the case in the inbox and requests the device; the hospital answers and ships it;
 * the manufacturer receives it and moves the case to investigation (Art. 89(1) and (3)); each side is told of the
 * other's steps by e-mail; both sides read the same timeline, and the hospital's internal note reaches neither the
 * manufacturer's page nor any e-mail.
 *
 * <p>Why one test and not one per step: the steps are the case's history, each needs the state the previous one left,
 * and what matters here is that they connect (the report opens the case the manufacturer sees, the manufacturer's
 * request is what the hospital answers, the e-mails link to that case). The rules of each step are tested without a
 * browser ({@code casework}, {@code incident}, {@code notification} tests).
 *
 * <p>Why a database of its own ({@code vigil_e2e}) and not the other browser tests' {@code vigil_browser}: this Vigil
 * sends e-mail, the others do not, and two Vigils on one database would share the e-mail queue and the outstanding
 * case events; the demo data is loaded into the empty database as in the other browser tests. Skipped like
 * {@link BrowserSignInTests} when chromium is missing, failed when {@code VIGIL_REQUIRE_BROWSER=1}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "vigil.embedded-db.database=vigil_e2e", "vigil.notification.send-interval=200ms" })
@ActiveProfiles("demo")
class HospitalManufacturerCaseBrowserTests {

    private static final String PASSWORD = "Vigil-demo-2026";
    private static final String REPORTER = "reporter@hospital-a.demo";
    private static final String VIGILANCE = "vigilance@manufacturer-a.demo";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Only so that a missing e-mail fails the test instead of hanging it; no assertion is about speed. */
    private static final Duration MAIL_HANG_GUARD = Duration.ofSeconds(60);

    private static final String NOTE = "Internal: legal wants photos of the stem before it leaves the hospital.";
    private static final String ANSWER = "The stem is cleaned and packed in your prepaid box; it leaves today.";
    private static final String TRACKING = "JJD000390007";

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtpServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtpServer.sendVigilMailTo(smtp, registry);
    }

    @RegisterExtension
    static final Chromium.PerClass chromium = new Chromium.PerClass();

    @LocalServerPort
    int port;

    @Test
    void a_hospital_reports_an_incident_and_the_manufacturer_gets_the_device_back_on_one_shared_case()
            throws Exception {
        try (var hospitalSession = signedIn(REPORTER); var makerSession = signedIn(VIGILANCE)) {
            var hospital = hospitalSession.pages().getFirst();
            var maker = makerSession.pages().getFirst();

            // 1. The reporter reports, then opens the case the report opened and notes something for the hospital only.
            report(hospital);
            openTheCase(hospital);
            String reference = hospital.locator("h1 span").first().textContent().strip();
            assertThat(reference).matches("CASE-\\d{4}-\\d{5}");
            String casePath = path(hospital.url());
            hospital.locator("#note").fill(NOTE);
            hospital.locator("#add-note").click();
            hospital.locator("#timeline li", new Page.LocatorOptions().setHasText(NOTE)).waitFor();
            assertThat(state(hospital)).isEqualTo("not requested");

            // 2. The manufacturer is told by e-mail, finds the case in the inbox and requests the device.
            var newCase = awaitMail(VIGILANCE, "New case " + reference);
            assertThat(GreenMailUtil.getBody(newCase)).contains(casePath);
            maker.navigate(url("/inbox"));
            // Case references are numbered per hospital, so the row is the one of this reference from Hospital A.
            maker.locator("#inbox tr").filter(new Locator.FilterOptions().setHasText(reference))
                    .filter(new Locator.FilterOptions().setHasText("Hospital A"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reference)).click();
            maker.waitForURL(url(casePath));
            assertThat(state(maker)).isEqualTo("not requested");
            maker.locator("#detail-request").fill("Decontaminate the stem and use the prepaid box.");
            maker.locator("#step-request").click();
            awaitState(maker, "requested");
            awaitMail(REPORTER, "Case " + reference + ": device return", "device requested");

            // 3. The hospital answers and ships the device.
            hospital.reload();
            assertThat(state(hospital)).isEqualTo("requested");
            assertThat(hospital.locator("#timeline").innerText()).contains("Decontaminate the stem");
            hospital.locator("#message").fill(ANSWER);
            hospital.locator("#send-message").click();
            hospital.locator("#timeline li", new Page.LocatorOptions().setHasText(ANSWER)).waitFor();
            hospital.locator("#detail-ship").fill(TRACKING);
            hospital.locator("#step-ship").click();
            awaitState(hospital, "shipped");
            awaitMail(VIGILANCE, "New message on case " + reference);

            // 4. The manufacturer receives it and starts investigating (the case's status is not the device's state).
            maker.reload();
            assertThat(state(maker)).isEqualTo("shipped");
            assertThat(maker.locator("#timeline").innerText()).contains(ANSWER, TRACKING);
            maker.locator("#step-receive").click();
            awaitState(maker, "received");
            awaitMail(REPORTER, "Case " + reference + ": device return", "device received");
            assertThat(maker.locator("#case-status").textContent()).isEqualTo("received");
            maker.locator("#status").selectOption("UNDER_INVESTIGATION");
            maker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move").setExact(true)).click();
            maker.waitForSelector("#case-status:text-is('under investigation')");
            awaitMail(REPORTER, "Case " + reference + ": status changed", "under investigation");

            // 5. Both sides read the same shared timeline.
            hospital.reload();
            assertThat(state(hospital)).isEqualTo("received");
            assertThat(hospital.locator("#case-status").textContent()).isEqualTo("under investigation");
            var hospitalEntries = sharedEntries(hospital);
            var makerEntries = sharedEntries(maker);
            assertThat(makerEntries).isEqualTo(hospitalEntries);
            assertThat(hospitalEntries).extracting(Entry::text).satisfies(texts -> assertThat(String.join("\n", texts))
                    .containsSubsequence("Case opened from report", "Device requested: Decontaminate the stem",
                            ANSWER, "Device shipped: " + TRACKING, "Device received by the manufacturer.",
                            "Status: under investigation."));

            // 6. The internal note is on the hospital's page only, and in no e-mail.
            assertThat(hospital.locator("#timeline").innerText()).contains(NOTE);
            assertThat(maker.content()).doesNotContain("legal wants photos");
            assertThat(smtp.getReceivedMessages()).isNotEmpty()
                    .noneMatch(mail -> GreenMailUtil.getBody(mail).contains("legal wants photos"));

            Files.createDirectories(SCREENSHOTS);
            hospital.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("e2e-case-hospital.png"))
                    .setFullPage(true));
            maker.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("e2e-case-manufacturer.png"))
                    .setFullPage(true));
        }
    }

    /**
     * The reporter scans the demo hip stem, codes the problem, attaches a photo and submits: the draft saves itself,
     * the upload keeps what was typed, and the submitted report shows its reference.
     */
    private void report(Page page) throws Exception {
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
        page.locator("#description").fill("Radiograph at follow-up shows the stem has subsided by 6 mm; it was "
                + "revised and the explanted stem kept.");

        var problem = page.locator("#deviceProblemCode1-search");
        problem.click();
        problem.pressSequentially("implant subs", new Locator.PressSequentiallyOptions().setDelay(30));
        page.locator("#deviceProblemCode1-options [role=option][data-code=A0107]").waitFor();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        assertThat(page.locator("input[type=hidden][name=deviceProblemCode1]").inputValue()).isEqualTo("A0107");

        page.locator("#personInvolved").selectOption("NONE");
        page.locator("#deviceAvailability").selectOption("AVAILABLE");
        // The draft saves itself shortly after the last keystroke.
        page.waitForResponse(response -> response.url().endsWith("/draft") && response.status() == 200,
                () -> page.locator("#deviceLocation").fill("Theatre store, explant cupboard"));
        page.waitForSelector("#save-status:has-text('Saved at')");

        page.locator("#file").setInputFiles(new FilePayload("stem-photo.jpg", "image/jpeg", photo()));
        page.locator("#attach").click();
        page.waitForSelector("#attachment-list");
        assertThat(page.locator("#attachment-list").innerText()).contains("stem-photo.jpg", "image/jpeg");
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

    /**
     * Follows the report's link to its case. The case is opened after the submit has committed, asynchronously
     * ({@code CaseOpener}), so the link can answer "not found" for a moment: reload until the case is there.
     */
    private void openTheCase(Page page) {
        String link = url(page.locator("#case-link").getAttribute("href"));
        long deadline = System.nanoTime() + Duration.ofMillis((long) Chromium.HANG_GUARD_MS).toNanos();
        var response = page.navigate(link);
        while (response.status() == 404 && System.nanoTime() < deadline) {
            page.waitForTimeout(100);
            response = page.navigate(link);
        }
        assertThat(response.status()).as("the case of the report").isEqualTo(200);
        page.waitForSelector("#device-return");
    }

    /** The device return's state as the page shows it, exactly ("not requested" also contains "requested"). */
    private static String state(Page page) {
        return page.locator("#device-return-state").textContent().strip();
    }

    private static void awaitState(Page page, String state) {
        page.waitForSelector("#device-return-state:text-is('" + state + "')");
    }

    /** A shared timeline entry: its id and its text as the page shows it. */
    record Entry(String id, String text) {
    }

    /** The timeline's shared entries, in order (internal notes are marked {@code list-group-item-secondary}). */
    private static List<Entry> sharedEntries(Page page) {
        return page.locator("#timeline li:not(.list-group-item-secondary)").all().stream()
                .map(entry -> new Entry(entry.getAttribute("data-entry"),
                        entry.locator(".entry-body").innerText().strip()))
                .toList();
    }

    /** Waits for the e-mail to {@code to} with {@code subject} whose body contains every one of {@code texts}. */
    private static MimeMessage awaitMail(String to, String subject, String... texts) throws InterruptedException {
        Predicate<MimeMessage> wanted = mail -> recipients(mail).contains(to) && subject(mail).equals(subject)
                && Arrays.stream(texts).allMatch(GreenMailUtil.getBody(mail)::contains);
        long deadline = System.nanoTime() + MAIL_HANG_GUARD.toNanos();
        while (true) {
            var found = Arrays.stream(smtp.getReceivedMessages()).filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No e-mail to " + to + " \"" + subject + "\" containing "
                        + Arrays.toString(texts) + "; received: " + Arrays.stream(smtp.getReceivedMessages())
                                .map(mail -> recipients(mail) + " " + subject(mail)).toList());
            }
            // GreenMail notifies no one of new mail; poll it.
            smtp.waitForIncomingEmail(100, smtp.getReceivedMessages().length + 1);
        }
    }

    private static String recipients(MimeMessage mail) {
        try {
            return Arrays.toString(mail.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small real JPEG, as a phone camera would send it. */
    private static byte[] photo() throws Exception {
        var image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, 48, 32);
        graphics.dispose();
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", bytes);
        return bytes.toByteArray();
    }

    private BrowserContext signedIn(String email) {
        var context = chromium.newSession(1280, 900);
        var page = context.newPage();
        Chromium.signIn(page, url(""), email, PASSWORD);
        return context;
    }

    private String path(String pageUrl) {
        return pageUrl.substring(url("").length());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

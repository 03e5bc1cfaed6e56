package org.vigil.deadline.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.deadline.board.BoardWorld.daysAgo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.vigil.deadline.Classification;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.ObligationView;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Tenancy;
import org.vigil.support.Chromium;

/**
 * The deadline board in a real browser (Debian's chromium driven by Playwright) on the demo data, as Manufacturer A's
 * PRRC: the board reached from the navigation, an overdue obligation coloured as overdue, the device filter narrowing
 * the board as the PRRC types (htmx), and a waiver signed by re-entering the password, its signature shown afterwards
 * (21 CFR 11.50: printed name, time, meaning). Runs in the same Vigil as the other browser tests (same demo database)
 * and is skipped like them when chromium is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vigil.embedded-db.database=vigil_browser")
@ActiveProfiles("demo")
class DeadlineBoardBrowserTests {

    private static final String PASSWORD = "Vigil-demo-2026";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final Chromium.PerClass chromium = new Chromium.PerClass();

    @LocalServerPort
    int port;
    @Autowired
    BoardWorld world;
    @Autowired
    OrganisationManagement organisations;

    private BrowserContext context;
    private Page page;
    private String device;
    private ObligationView overdue;
    private ObligationView later;

    /** Two cases of Manufacturer A's, with a device name no other test uses, and the PRRC signed in. */
    @BeforeEach
    void cases_of_manufacturer_a_and_its_prrc_signed_in() {
        OrganisationId manufacturerA = Tenancy.callAs(Actor.platform("browser test"),
                () -> organisations.directory(OrganisationKind.MANUFACTURER)).stream()
                .filter(organisation -> organisation.name().equals("Manufacturer A")).findFirst().orElseThrow().id();
        device = "Browser pump " + UUID.randomUUID().toString().substring(0, 8);
        overdue = world.track(manufacturerA, BoardWorld.reference("BROWSER"), device, null,
                world.classified("DE", Set.of(Jurisdiction.EU), Classification.DEATH, daysAgo(40))).getFirst();
        later = world.track(manufacturerA, BoardWorld.reference("BROWSER"), device + " later", null,
                world.classified("US", Set.of(Jurisdiction.US), Classification.DEATH, Instant.now())).getFirst();

        context = chromium.newSession(1400, 1000);
        page = context.newPage();
        Chromium.signIn(page, url(""), "prrc@manufacturer-a.demo", PASSWORD);
    }

    @AfterEach
    void close_the_browser_session() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void the_prrc_filters_the_board_by_device_and_waives_an_overdue_obligation_with_a_signature() throws Exception {
        page.locator("nav a[href='/deadlines']").click();
        page.waitForURL(url("/deadlines"));
        var overdueRow = page.locator("tr[data-obligation='" + overdue.id() + "']");
        assertThat(overdueRow.getAttribute("class")).contains("urgency-overdue");
        assertThat(overdueRow.innerText()).contains("Overdue", "overdue by", "National competent authority, DE",
                "MDR Art. 87(5)", "Europe/Berlin");

        // Typing narrows the board without a page load: htmx swaps the table in place.
        page.locator("#device").pressSequentially(device + " later");
        page.locator("tr[data-obligation='" + overdue.id() + "']")
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        assertThat(page.locator("tr[data-obligation='" + later.id() + "']").count()).isEqualTo(1);
        assertThat(page.url()).contains("device=");

        page.navigate(url("/deadlines"));
        var row = page.locator("tr[data-obligation='" + overdue.id() + "']");
        row.locator("summary").click();
        row.getByLabel("Reason for waiving").fill("MHRA and BfArM agreed a single combined report");
        row.getByLabel("Your password (signs the waiver)").fill(PASSWORD);
        row.locator("button", new Locator.LocatorOptions().setHasText("Waive and sign")).click();
        page.waitForSelector("#waiver-signature");

        assertThat(page.locator("#waived").innerText()).contains("MHRA and BfArM agreed a single combined report",
                overdue.caseReference());
        assertThat(page.locator("#waiver-signature").innerText()).contains("Signed by", "UTC",
                "waiver of a reporting obligation");
        assertThat(page.locator("tr[data-obligation='" + overdue.id() + "']").count()).isZero();
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("deadline-board.png"))
                .setFullPage(true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

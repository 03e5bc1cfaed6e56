package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.support.Chromium;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.vigil.casework.Cases;
import org.vigil.incident.AgeUnit;
import org.vigil.incident.DeviceAvailability;
import org.vigil.incident.IncidentReports;
import org.vigil.incident.PersonInvolved;
import org.vigil.incident.ReportContent;
import org.vigil.incident.ReportKind;
import org.vigil.incident.ReportView;
import org.vigil.incident.ReportedDevice;
import org.vigil.incident.Sex;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.organisation.UserManagement;
import org.vigil.shared.Actor;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.Tenancy;
import org.vigil.shared.VigilPrincipal;

/**
 * The shared case in real browsers (Debian's chromium driven by Playwright), on the demo data: Hospital A's reporter
 * has submitted a report about Manufacturer A's hip stem; Manufacturer A's vigilance officer finds the case in the
 * inbox and requests the device; the hospital marks it shipped; the manufacturer marks it received; both see the same
 * timeline, and the hospital's internal note never appears on the manufacturer's side (MDR Art. 87, Art. 89(1) and
 * (3)). Runs in the same Vigil as {@link BrowserSignInTests} and is skipped like it when chromium is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vigil.embedded-db.database=vigil_browser")
@ActiveProfiles("demo")
@ExtendWith(Chromium.WhenInstalled.class)
class CaseBrowserTests {

    private static final String PASSWORD = "Vigil-demo-2026";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The demo hip stem of Manufacturer A (see the README's demo scans). */
    private static final String HIP_STEM_GTIN = "04069999000015";

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    IncidentReports reports;
    @Autowired
    Cases cases;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    UserManagement users;

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

    @Test
    void the_manufacturer_requests_the_device_the_hospital_ships_it_and_both_see_one_timeline() throws Exception {
        var report = submitAsDemoReporter();
        String reference = awaitCaseReference(report);

        try (var manufacturerContext = signedIn("vigilance@manufacturer-a.demo");
                var hospitalContext = signedIn("safety@hospital-a.demo")) {
            var maker = manufacturerContext.pages().getFirst();
            var hospital = hospitalContext.pages().getFirst();

            maker.navigate(url("/inbox"));
            maker.locator("#inbox a", new Page.LocatorOptions().setHasText(reference)).click();
            maker.waitForSelector("#device-return");
            String casePath = maker.url().substring(url("").length());

            hospital.navigate(url("/cases/by-report/" + report.id()));
            hospital.waitForURL(url(casePath));
            hospital.locator("#note").fill("Internal: legal wants photos before it leaves.");
            hospital.locator("#add-note").click();
            hospital.waitForSelector("#timeline li:has-text('legal wants photos')");

            maker.locator("#detail-request").fill("Decontaminate and use the prepaid box.");
            maker.locator("#step-request").click();
            maker.waitForSelector("#device-return-state:text-is('requested')");

            hospital.reload();
            hospital.locator("#detail-ship").fill("JJD000390007");
            hospital.locator("#step-ship").click();
            hospital.waitForSelector("#device-return-state:text-is('shipped')");

            maker.reload();
            maker.locator("#step-receive").click();
            maker.waitForSelector("#device-return-state:text-is('received')");

            hospital.reload();
            var makerEntries = sharedEntries(maker);
            var hospitalEntries = sharedEntries(hospital);
            assertThat(makerEntries).isEqualTo(hospitalEntries).hasSizeGreaterThanOrEqualTo(4);
            assertThat(maker.locator("#timeline").innerText()).doesNotContain("legal wants photos");
            assertThat(hospital.locator("#timeline").innerText()).contains("legal wants photos", "JJD000390007");
            Files.createDirectories(SCREENSHOTS);
            hospital.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("case-hospital.png"))
                    .setFullPage(true));
            maker.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("case-manufacturer.png"))
                    .setFullPage(true));
        }
    }

    /** The ids of the timeline's shared entries, in order. */
    private static List<String> sharedEntries(Page page) {
        return page.locator("#timeline li:not(.list-group-item-secondary)").all().stream()
                .map(entry -> entry.getAttribute("data-entry")).toList();
    }

    private BrowserContext signedIn(String email) {
        var context = chromium.newSession(1280, 900);
        var page = context.newPage();
        page.navigate(url("/login"));
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.locator("form button[type=submit]").click();
        page.waitForURL(url("/"));
        return context;
    }

    /** Hospital A's demo reporter submits a report about the scanned demo hip stem, through the facade. */
    private ReportView submitAsDemoReporter() {
        var reporter = demoPrincipal("Hospital A", "reporter@hospital-a.demo");
        return as(reporter, () -> {
            var draft = reports.startDraft(ReportKind.INCIDENT);
            var content = new ReportContent(ReportKind.INCIDENT, null,
                    new ReportedDevice("(01)" + HIP_STEM_GTIN + "(17)271231(10)LOT42(21)SN1", null, null, null, null,
                            null, null, "LOT42", "SN1", LocalDate.of(2027, 12, 31), null),
                    LocalDate.now().minusDays(2), null, "Orthopaedics", "The stem loosened six weeks after surgery.",
                    List.of("A0401"), PersonInvolved.PATIENT, List.of(), List.of("F26"), 71, AgeUnit.YEARS, Sex.MALE,
                    new BigDecimal("82"), null, DeviceAvailability.AVAILABLE, "Theatre store", false);
            var saved = reports.saveDraft(draft.id(), draft.version(), content, null);
            return reports.submit(draft.id(), saved.version());
        });
    }

    private String awaitCaseReference(ReportView report) throws InterruptedException {
        var officer = demoPrincipal("Hospital A", "safety@hospital-a.demo");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try {
                return as(officer, () -> cases.findByReport(report.id().value())).reference();
            } catch (RecordNotFoundException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("No case for " + report.reference());
                }
                Thread.sleep(100);
            }
        }
    }

    private VigilPrincipal demoPrincipal(String organisationName, String email) {
        return Tenancy.callAs(Actor.platform("browser test"), () -> {
            var organisation = organisations.directory().stream()
                    .filter(candidate -> candidate.name().equals(organisationName)).findFirst().orElseThrow();
            var user = users.members(organisation.id()).stream().filter(member -> member.email().equals(email))
                    .findFirst().orElseThrow();
            return new VigilPrincipal(user.id(), user.email(), user.displayName(), organisation.id(),
                    organisation.name(), organisation.kind(), user.roles());
        });
    }

    private static <T> T as(VigilPrincipal principal, java.util.concurrent.Callable<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

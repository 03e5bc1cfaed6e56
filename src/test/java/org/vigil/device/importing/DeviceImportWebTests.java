package org.vigil.device.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.audit.AuditEntry;
import org.vigil.audit.AuditTrail;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import org.vigil.support.TestData.Person;
import tools.jackson.databind.json.JsonMapper;

/** The import and export pages and REST API: upload, progress, the per-row report, exports and errors. */
@IntegrationTest
@AutoConfigureMockMvc
class DeviceImportWebTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData testData;
    @Autowired
    InstrumentedDeviceRegister register;
    @Autowired
    DeviceImportFixtures importFixtures;
    @Autowired
    AuditTrail auditTrail;

    Person officer;

    @BeforeEach
    void manufacturer() {
        DeviceImportFixtures.use(importFixtures);
        register.reset();
        officer = testData.person(testData.organisation(OrganisationKind.MANUFACTURER), Role.VIGILANCE_OFFICER);
    }

    @AfterEach
    void reset() {
        register.reset();
    }

    RequestPostProcessor signedIn(Person person) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(person.principal(), null,
                person.principal().authorities()));
    }

    String bearer(Person person) {
        return "Bearer " + person.token();
    }

    static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    UUID upload(Person person, String name, String content) throws Exception {
        var answer = mvc.perform(multipart("/api/v1/devices/imports").file(file(name, content))
                        .header("Authorization", bearer(person)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/devices/imports/")))
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JSON.readTree(answer).get("id").asString());
    }

    String awaitFinished(Person person, UUID id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            String body = mvc.perform(get("/api/v1/devices/imports/" + id).header("Authorization", bearer(person)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String state = JSON.readTree(body).get("status").asString();
            if (state.equals("COMPLETED") || state.equals("FAILED")) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not finished");
    }

    @Test
    void an_upload_answers_202_with_the_location_to_poll_and_the_report_is_paged() throws Exception {
        String csv = DeviceCsvReaderTests.HEADER + "\n" + DeviceCsvReaderTests.uniqueRow() + "\n"
                + DeviceCsvReaderTests.uniqueRow("risk_class=Z") + "\n";
        UUID id = upload(officer, "devices.csv", csv);
        var done = JSON.readTree(awaitFinished(officer, id));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("stored").asInt()).isEqualTo(1);
        assertThat(done.get("rejected").asInt()).isEqualTo(1);
        mvc.perform(get("/api/v1/devices/imports/" + id + "/problems?size=10").header("Authorization",
                        bearer(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].row").value(3))
                .andExpect(jsonPath("$.items[0].field").value("risk_class"));
        mvc.perform(get("/api/v1/devices/imports").header("Authorization", bearer(officer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id.toString()));
    }

    /**
     * The export is an import file: every line of the imported CSV comes back, and importing the export again is an
     * update of the same register that changes nothing (no row refused, no audited change) and exports the same
     * text. It cannot go into another organisation's register: a UDI-DI and a Basic UDI-DI belong to the one
     * organisation that registered them (MDR Art. 27, 29), and the register refuses them to anyone else.
     */
    @Test
    void the_csv_export_imports_again_unchanged_and_another_organisation_cannot_take_its_devices() throws Exception {
        String csv = DeviceCsvGenerator.csv(new DeviceCsvGenerator(21).rows(300));
        var first = JSON.readTree(awaitFinished(officer, upload(officer, "devices.csv", csv)));
        assertThat(first.get("stored").asInt()).isEqualTo(300);
        String exported = mvc.perform(get("/api/v1/devices/export").accept("text/csv")
                        .header("Authorization", bearer(officer)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // The register exports in Basic UDI-DI then UDI-DI order: the same lines, perhaps in another order.
        assertThat(exported.split("\r\n")).containsExactlyInAnyOrder(csv.split("\r\n"));

        long before = lastAuditSeq(officer);
        var again = JSON.readTree(awaitFinished(officer, upload(officer, "export.csv", exported)));
        assertThat(again.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(again.get("stored").asInt()).isEqualTo(300);
        assertThat(again.get("rejected").asInt()).isZero();
        auditTrail.sealCommitted();
        assertThat(testData.as(officer.principal(), () -> auditTrail.latest(500)))
                .filteredOn(entry -> entry.seq() > before)
                .extracting(AuditEntry::action).as("re-importing the export changes nothing")
                .containsExactly("device-import.completed");
        String exportedAgain = mvc.perform(get("/api/v1/devices/export").accept("text/csv")
                        .header("Authorization", bearer(officer)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(exportedAgain).isEqualTo(exported);
        mvc.perform(get("/api/v1/devices/export").accept(MediaType.APPLICATION_JSON)
                        .header("Authorization", bearer(officer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(300))
                .andExpect(jsonPath("$[0].udiDi.issuer").value("GS1"));

        var other = testData.person(testData.organisation(OrganisationKind.MANUFACTURER), Role.PRRC);
        var taken = JSON.readTree(awaitFinished(other, upload(other, "export.csv", exported)));
        assertThat(taken.get("stored").asInt()).isZero();
        assertThat(taken.get("rejected").asInt()).isEqualTo(300);
        mvc.perform(get("/api/v1/devices/export").accept(MediaType.APPLICATION_JSON)
                        .header("Authorization", bearer(other)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    long lastAuditSeq(Person person) {
        // Entries awaiting sealing have no place in the chain yet; seal them so "after this one" means something.
        auditTrail.sealCommitted();
        return testData.as(person.principal(), () -> auditTrail.latest(1)).getFirst().seq();
    }

    @Test
    void units_placed_export_as_csv_and_json() throws Exception {
        String udiDi = DeviceImportFixtures.registeredUdiDi(officer.principal().organisationId());
        awaitFinished(officer, upload(officer, "units.csv", "udi_di,country,month,units\n" + udiDi + ",DE,2025-02,7\n"));
        mvc.perform(get("/api/v1/devices/units-placed/export").accept("text/csv").header("Authorization",
                        bearer(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string("udi_di,country,month,units\r\n" + udiDi + ",DE,2025-02,7\r\n"));
        mvc.perform(get("/api/v1/devices/units-placed/export").accept(MediaType.APPLICATION_JSON)
                        .header("Authorization", bearer(officer)))
                .andExpect(jsonPath("$[0].units").value(7));
    }

    @Test
    void an_unknown_format_a_missing_file_or_an_unrecognisable_one_is_a_problem_naming_the_field() throws Exception {
        mvc.perform(multipart("/api/v1/devices/imports").file(file("a.csv", "x")).param("format", "PDF")
                        .header("Authorization", bearer(officer)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(multipart("/api/v1/devices/imports").header("Authorization", bearer(officer)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(multipart("/api/v1/devices/imports").file(file("notes.txt", "hello world"))
                        .header("Authorization", bearer(officer)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(get("/api/v1/devices/imports/" + UUID.randomUUID()).header("Authorization", bearer(officer)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void the_import_page_uploads_and_shows_an_htmx_polled_progress_bar_until_the_import_finishes() throws Exception {
        mvc.perform(get("/devices/import").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("multipart/form-data")));
        var reached = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        register.onCall(() -> {
            reached.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String location = mvc.perform(multipart("/devices/import").file(file("devices.csv",
                        DeviceCsvGenerator.csv(new DeviceCsvGenerator(9).rows(50)))).with(signedIn(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/devices/import/");
        assertThat(reached.await(60, TimeUnit.SECONDS)).isTrue();
        mvc.perform(get(location).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<progress")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("every 500ms")));
        release.countDown();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        awaitFinished(officer, id);
        mvc.perform(get(location + "/progress").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Refresh", "true"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                        "every 500ms"))));
    }

    @Test
    void the_report_page_lists_problems_with_row_and_field_and_downloads_as_csv() throws Exception {
        String csv = DeviceCsvReaderTests.HEADER + "\n" + DeviceCsvReaderTests.row("active=perhaps") + "\n";
        UUID id = upload(officer, "devices.csv", csv);
        awaitFinished(officer, id);
        mvc.perform(get("/devices/import/" + id).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("perhaps")));
        mvc.perform(get("/devices/import/" + id + "/problems.csv").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("row,field,severity,message\r\n2,active,"
                        + "ERROR,")));
        mvc.perform(get("/devices/import").with(signedIn(officer)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("devices.csv")));
    }

    @Test
    void a_refused_upload_on_the_page_shows_the_message_next_to_the_field() throws Exception {
        mvc.perform(multipart("/devices/import").file(file("notes.txt", "hello")).with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("format-problem")));
    }

    @Test
    void hospital_reporters_may_not_import() throws Exception {
        var reporter = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION),
                Role.REPORTER);
        mvc.perform(multipart("/api/v1/devices/imports").file(file("a.csv", "x"))
                        .header("Authorization", bearer(reporter)))
                .andExpect(status().isForbidden());
    }
}

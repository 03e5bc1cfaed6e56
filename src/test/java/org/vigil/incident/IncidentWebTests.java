package org.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.device.DeviceRegister;
import org.vigil.incident.domain.AttachmentInspection;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.shared.VigilPrincipal;
import org.vigil.support.DeviceFixtures;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import org.vigil.support.TestData.Person;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incident reports through the REST API, FHIR and the pages, through the real security filter chain (MDR Art.
 * 87(10)–(11)): creating honours Idempotency-Key, bad input answers problem+json naming the field and loses nothing
 * saved, attachments are checked from their content, FHIR R4 AdverseEvent goes in and out, and a submitted report can
 * be copied to the competent authority, which then reads it.
 */
@IntegrationTest
@AutoConfigureMockMvc
class IncidentWebTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData testData;
    @Autowired
    DeviceRegister devices;
    @Autowired
    OrganisationManagement organisations;

    Person reporter;
    Person vigilance;
    DeviceFixtures.Device device;

    @BeforeEach
    void hospitalAndManufacturer() {
        DeviceFixtures.use(devices);
        reporter = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        vigilance = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        device = DeviceFixtures.deviceOf(manufacturer.id());
    }

    static <B extends org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<B>> B api(
            B request, Person person) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + person.token()).accept(MediaType.APPLICATION_JSON);
    }

    static RequestPostProcessor as(VigilPrincipal principal) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));
    }

    Map<String, Object> completeContent() {
        var content = new LinkedHashMap<String, Object>();
        content.put("kind", "INCIDENT");
        content.put("device", Map.of("scan", "(01)" + device.udiDi() + "(17)271231(10)LOT42", "lot", "LOT42"));
        content.put("occurredOn", LocalDate.now().minusDays(1).toString());
        content.put("department", "ICU");
        content.put("description", "The pump stopped without alarm during an infusion.");
        content.put("deviceProblemCodes", List.of("A0401"));
        content.put("personInvolved", "PATIENT");
        content.put("healthImpactCodes", List.of("F26"));
        content.put("age", 64);
        content.put("ageUnit", "YEARS");
        content.put("sex", "FEMALE");
        content.put("deviceAvailability", "AVAILABLE");
        content.put("deviceLocation", "Safety office");
        return content;
    }

    JsonNode create(Person person, Map<String, Object> body) throws Exception {
        String answer = mvc.perform(api(post("/api/v1/incident-reports"), person)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("content", body))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(answer).get("report");
    }

    @Test
    void creating_a_report_twice_with_the_same_idempotency_key_makes_one_draft_and_replays_the_answer()
            throws Exception {
        String key = "report-" + UUID.randomUUID();
        String first = mvc.perform(api(post("/api/v1/incident-reports"), reporter).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"NEAR_MISS\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(api(post("/api/v1/incident-reports"), reporter).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"NEAR_MISS\"}"))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(second).get("report").get("id").asString())
                .isEqualTo(JSON.readTree(first).get("report").get("id").asString());
        var mine = JSON.readTree(mvc.perform(api(get("/api/v1/incident-reports"), reporter))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("content").get("kind").asString()).isEqualTo("NEAR_MISS");
    }

    @Test
    void a_submission_with_missing_fields_and_an_invalid_code_is_refused_per_field_and_the_draft_is_kept()
            throws Exception {
        var content = completeContent();
        content.remove("description");
        content.put("deviceProblemCodes", List.of("A999999"));
        var draft = create(reporter, content);
        String id = draft.get("id").asString();
        int version = draft.get("version").asInt();
        mvc.perform(api(post("/api/v1/incident-reports/" + id + "/submit"), reporter)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("description")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("deviceProblemCodes")));
        mvc.perform(api(get("/api/v1/incident-reports/" + id), reporter))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.report.status").value("DRAFT"))
                .andExpect(jsonPath("$.report.content.department").value("ICU"))
                .andExpect(jsonPath("$.missing[*].field", hasItem("description")));
    }

    @Test
    void a_hospital_system_submits_a_complete_report_in_one_call_which_opens_the_case_with_the_manufacturer_per_mdr_art_87_10()
            throws Exception {
        var body = Map.of("content", completeContent(), "patientIdentifier", "MRN-0815", "submit", true);
        String key = "one-call-" + UUID.randomUUID();
        String answer = mvc.perform(api(post("/api/v1/incident-reports"), reporter)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/v1/incident-reports/")))
                .andExpect(jsonPath("$.report.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.report.reference").isNotEmpty())
                .andExpect(jsonPath("$.report.submittedAt").isNotEmpty())
                .andExpect(jsonPath("$.report.content.device.udiDi").value(device.udiDi()))
                .andExpect(jsonPath("$.report.content.patientPseudonym").isNotEmpty())
                .andExpect(jsonPath("$.missing").isEmpty())
                .andExpect(content().string(not(containsString("MRN-0815"))))
                .andReturn().getResponse().getContentAsString();
        String id = JSON.readTree(answer).get("report").get("id").asString();
        // The hospital system sends it again, not knowing whether the first answer arrived: one report, one case.
        mvc.perform(api(post("/api/v1/incident-reports"), reporter).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.report.id").value(id));
        mvc.perform(api(get("/api/v1/incident-reports/" + id), vigilance))
                .andExpect(status().isOk()).andExpect(jsonPath("$.report.status").value("SUBMITTED"));
        mvc.perform(api(get("/api/v1/cases"), vigilance)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].reportId").value(id))
                .andExpect(jsonPath("$[0].status").value("RECEIVED"))
                .andExpect(jsonPath("$[0].lastHospitalAt").isNotEmpty());
    }

    @Test
    void a_one_call_submission_breaking_rules_is_refused_per_field_and_saves_no_draft() throws Exception {
        var content = completeContent();
        content.remove("description");
        content.put("deviceProblemCodes", List.of("A999999"));
        mvc.perform(api(post("/api/v1/incident-reports"), reporter).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("content", content, "submit", true))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("description")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("deviceProblemCodes")));
        mvc.perform(api(post("/api/v1/incident-reports"), reporter).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"submit\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("content"));
        mvc.perform(api(get("/api/v1/incident-reports"), reporter))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void a_save_based_on_an_old_version_is_refused_naming_the_version_and_a_good_one_submits() throws Exception {
        var draft = create(reporter, completeContent());
        String id = draft.get("id").asString();
        int version = draft.get("version").asInt();
        var body = Map.of("content", completeContent(), "version", version, "patientIdentifier", "MRN-4711");
        mvc.perform(api(put("/api/v1/incident-reports/" + id), reporter).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.report.content.patientPseudonym").isNotEmpty())
                .andExpect(content().string(not(containsString("MRN-4711"))));
        mvc.perform(api(put("/api/v1/incident-reports/" + id), reporter).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(api(post("/api/v1/incident-reports/" + id + "/submit"), reporter)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + (version + 1) + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.reference").isNotEmpty());
        mvc.perform(api(get("/api/v1/incident-reports/" + id), vigilance))
                .andExpect(status().isOk()).andExpect(jsonPath("$.report.status").value("SUBMITTED"));
    }

    @Test
    void a_photo_is_attached_and_downloaded_with_its_checked_type_while_disguised_and_oversized_files_are_refused_naming_file()
            throws Exception {
        var draft = create(reporter, completeContent());
        String id = draft.get("id").asString();
        var photo = new MockMultipartFile("file", "pump.jpg", "image/jpeg",
                AttachmentInspectionTests.jpegWithMetadata());
        String answer = mvc.perform(api(multipart("/api/v1/incident-reports/" + id + "/attachments").file(photo),
                        reporter)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.mediaType").value("image/jpeg"))
                .andReturn().getResponse().getContentAsString();
        String attachment = JSON.readTree(answer).get("id").asString();
        mvc.perform(api(get("/api/v1/incident-reports/" + id + "/attachments/" + attachment), reporter))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/jpeg"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("pump.jpg")));
        var program = new MockMultipartFile("file", "photo.jpg", "image/jpeg",
                new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF });
        mvc.perform(api(multipart("/api/v1/incident-reports/" + id + "/attachments").file(program), reporter))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        var big = new MockMultipartFile("file", "log.txt", "text/plain",
                new byte[(int) AttachmentInspection.MAX_BYTES + 1]);
        mvc.perform(api(multipart("/api/v1/incident-reports/" + id + "/attachments").file(big), reporter))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", containsString("MB")));
        mvc.perform(api(get("/api/v1/incident-reports/" + id), reporter))
                .andExpect(jsonPath("$.report.attachments.length()").value(1));
    }

    @Test
    void malformed_fhir_is_refused_naming_the_element() throws Exception {
        mvc.perform(api(post("/api/v1/fhir/AdverseEvent"), reporter)
                        .contentType(MediaType.parseMediaType("application/fhir+json")).content("{\"resourceType\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(api(post("/api/v1/fhir/AdverseEvent"), reporter)
                        .contentType(MediaType.parseMediaType("application/fhir+json"))
                        .content("{\"resourceType\":\"AdverseEvent\",\"actuality\":\"actual\",\"date\":\"yesterday\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", containsString("")));
    }

    @Test
    void the_hl7_example_adverse_event_becomes_a_draft_listing_what_is_missing() throws Exception {
        String example = Files.readString(Path.of("src/test/resources/fhir/AdverseEvent-example.json"));
        mvc.perform(api(post("/api/v1/fhir/AdverseEvent").param("submit", "true"), reporter)
                        .contentType(MediaType.parseMediaType("application/fhir+json")).content(example))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.submitted").value(false))
                .andExpect(jsonPath("$.report.status").value("DRAFT"))
                .andExpect(jsonPath("$.report.content.description")
                        .value("This was a mild rash on the left forearm"))
                .andExpect(jsonPath("$.missing[*].field", hasItem("deviceProblemCodes")));
    }

    @Test
    void a_report_exported_as_fhir_comes_back_with_the_same_content_and_is_submitted() throws Exception {
        var draft = create(reporter, completeContent());
        String id = draft.get("id").asString();
        String exported = mvc.perform(api(get("/api/v1/fhir/AdverseEvent/" + id), reporter)
                        .accept(MediaType.parseMediaType("application/fhir+json")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.resourceType").value("AdverseEvent"))
                .andReturn().getResponse().getContentAsString();
        String answer = mvc.perform(api(post("/api/v1/fhir/AdverseEvent").param("submit", "true"), reporter)
                        .contentType(MediaType.APPLICATION_JSON).content(exported))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.submitted").value(true))
                .andExpect(jsonPath("$.report.status").value("SUBMITTED"))
                .andReturn().getResponse().getContentAsString();
        var original = JSON.readTree(mvc.perform(api(get("/api/v1/incident-reports/" + id), reporter))
                .andReturn().getResponse().getContentAsString()).get("report").get("content");
        var imported = JSON.readTree(answer).get("report").get("content");
        for (String field : List.of("kind", "occurredOn", "department", "description", "deviceProblemCodes",
                "personInvolved", "healthImpactCodes", "age", "ageUnit", "sex", "deviceAvailability",
                "deviceLocation")) {
            assertThat(imported.get(field)).as(field).isEqualTo(original.get(field));
        }
        assertThat(imported.get("device").get("lot")).isEqualTo(original.get("device").get("lot"));
    }

    @Test
    void a_submitted_report_is_sent_to_the_competent_authority_of_the_hospitals_country_which_then_reads_it_per_mdr_art_87_10()
            throws Exception {
        testData.organisation(OrganisationKind.COMPETENT_AUTHORITY); // Germany's, at least one
        var draft = create(reporter, completeContent());
        String id = draft.get("id").asString();
        mvc.perform(api(post("/api/v1/incident-reports/" + id + "/submit"), reporter)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + draft.get("version").asInt() + "}"))
                .andExpect(status().isOk());
        mvc.perform(api(get("/api/v1/incident-reports/" + id + "/authority-copy"), reporter))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.possible").value(true))
                .andExpect(jsonPath("$.copy.required").value(true))
                .andExpect(jsonPath("$.copy.legalSource", containsString("MPAMIV")));
        String sent = mvc.perform(api(post("/api/v1/incident-reports/" + id + "/authority-copy"), reporter))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sent").value(true))
                .andReturn().getResponse().getContentAsString();
        var authority = testData.asPlatform(() -> organisations.get(new org.vigil.shared.OrganisationId(
                UUID.fromString(JSON.readTree(sent).get("authority").asString()))));
        var reviewer = testData.person(authority, Role.AUTHORITY_REVIEWER);
        mvc.perform(api(get("/api/v1/incident-reports"), reviewer))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem(id)));
        mvc.perform(api(put("/api/v1/incident-reports/" + id), reviewer).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("content", completeContent(), "version", 1))))
                .andExpect(status().isForbidden());
        mvc.perform(api(post("/api/v1/incident-reports/" + id + "/authority-copy"), reporter))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("authority"));
        mvc.perform(get("/reports/" + id).with(as(reporter.principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sent to")))
                .andExpect(content().string(containsString("/cases/by-report/" + id)));
    }

    @Test
    void the_report_form_starts_a_draft_saves_as_you_type_finds_the_scanned_device_and_shows_refusals_next_to_fields()
            throws Exception {
        var person = reporter.principal();
        mvc.perform(get("/reports/new").param("kind", "NEAR_MISS").with(as(person)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("near miss")));
        String location = mvc.perform(post("/reports/new").param("kind", "INCIDENT").with(as(person)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/reports/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(as(person)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-trigger=\"input changed delay:800ms")))
                .andExpect(content().string(containsString("autofocus")));
        mvc.perform(get("/reports/device").param("scan", "(01)" + device.udiDi() + "(17)271231(10)LOT42(21)SN1")
                        .with(as(person)))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "device-found"))
                .andExpect(content().string(containsString("Fixture trade name")))
                .andExpect(content().string(containsString("value=\"LOT42\"")))
                .andExpect(content().string(containsString("value=\"SN1\"")));
        mvc.perform(get("/reports/device").param("scan", "(01)04069999000016(17)271231")
                        .param("deviceManufacturerName", "Acme").with(as(person)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("device-not-found")))
                .andExpect(content().string(containsString("value=\"Acme\"")));
        mvc.perform(post(location + "/draft").with(as(person)).with(csrf()).param("version", "0")
                        .param("description", "Alarm did not sound").param("patientIdentifier", "MRN-99"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Saved at")))
                .andExpect(content().string(containsString("Pseudonym recorded")))
                .andExpect(content().string(not(containsString("MRN-99"))));
        mvc.perform(post(location + "/draft").with(as(person)).with(csrf()).param("version", "0")
                        .param("description", "typed in another tab"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("changed elsewhere")));
        mvc.perform(post(location + "/submit").with(as(person)).with(csrf()).param("version", "1")
                        .param("description", "Alarm did not sound, pump stopped").param("occurredOn", "not a date"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("occurredOn-problem")))
                .andExpect(content().string(containsString("deviceProblemCodes-problem")))
                .andExpect(content().string(containsString("Alarm did not sound, pump stopped")));
        mvc.perform(get("/reports").with(as(person)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(location)));
        var photo = new MockMultipartFile("file", "../pump.jpg", "image/jpeg", new byte[] { 'M', 'Z', 0, 1 });
        mvc.perform(multipart(location + "/attachments").file(photo).with(as(person)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("file-problem")));
        mvc.perform(get("/").with(as(person)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Report an incident")));
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

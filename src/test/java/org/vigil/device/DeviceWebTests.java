package org.vigil.device;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.shared.VigilPrincipal;
import org.vigil.support.DeviceFixtures;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import org.vigil.support.TestData.Person;
import org.vigil.udi.Udi;
import org.vigil.udi.UdiJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register's REST API under /api/v1 and its pages, through the real security filter chain: the answers of
 * {@code POST /api/v1/udi/parse} are those of the command line, invalid input is {@code application/problem+json}
 * naming the field, and a hospital user sees a scanned device's lot, serial and expiry (MDR Art. 27, Annex VI Part C).
 */
@IntegrationTest
@AutoConfigureMockMvc
class DeviceWebTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData testData;

    Person manufacturer() {
        return testData.person(testData.organisation(OrganisationKind.MANUFACTURER), Role.VIGILANCE_OFFICER);
    }

    Person hospital() {
        return testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER,
                Role.DEVICE_SAFETY_OFFICER);
    }

    static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, Person person) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + person.token()).accept(MediaType.APPLICATION_JSON);
    }

    static RequestPostProcessor as(VigilPrincipal principal) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));
    }

    static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    /** Registers a Basic UDI-DI and a UDI-DI through the API; answers the GTIN. */
    String registerThroughTheApi(Person maker, String tradeName) throws Exception {
        String basicUdiDi = DeviceFixtures.gmn();
        String gtin = DeviceFixtures.gtin();
        mvc.perform(api(post("/api/v1/basic-udi-dis"), maker).contentType(MediaType.APPLICATION_JSON)
                        .content(json(DeviceFixtures.basicFields(basicUdiDi, "Device " + tradeName))))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/v1/basic-udi-dis/")));
        var udi = DeviceFixtures.udiFields(basicUdiDi, gtin, tradeName);
        udi.put("markets", List.of(Map.of("country", "FI", "from", "2024-02-01")));
        mvc.perform(api(post("/api/v1/udi-dis"), maker).contentType(MediaType.APPLICATION_JSON).content(json(udi)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.data.udiDi").value(gtin))
                .andExpect(jsonPath("$.data.markets[0].country").value("FI"));
        return gtin;
    }

    @Test
    void udi_parse_answers_exactly_what_the_command_line_prints_for_text_and_json_bodies() throws Exception {
        var hospital = hospital();
        String scan = "]C1010950600013435217271231\u001D10LOT42\u001D21SN1";
        String expected = UdiJson.toJson(Udi.parse(scan));
        mvc.perform(api(post("/api/v1/udi/parse"), hospital).contentType(MediaType.TEXT_PLAIN).content(scan))
                .andExpect(status().isOk()).andExpect(content().json(expected, true));
        mvc.perform(api(post("/api/v1/udi/parse"), hospital).contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("scan", scan))))
                .andExpect(status().isOk())
                .andExpect(content().json(expected, true))
                .andExpect(jsonPath("$.lot").value("LOT42"))
                .andExpect(jsonPath("$.expiry").value("2027-12-31"));
        mvc.perform(api(post("/api/v1/udi/parse"), hospital).contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("scan", ""))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("scan"));
    }

    @Test
    void a_manufacturer_registers_through_the_api_and_a_hospital_finds_the_device_by_scan_and_by_name()
            throws Exception {
        var maker = manufacturer();
        String tradeName = "Api pump " + UUID.randomUUID();
        String gtin = registerThroughTheApi(maker, tradeName);
        var hospital = hospital();

        mvc.perform(api(get("/api/v1/devices/lookup").param("scan", "(01)" + gtin + "(17)280229(10)A1{GS}(21)S9"),
                        hospital))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.device.tradeName").value(tradeName))
                .andExpect(jsonPath("$.udi.lot").value("A1"))
                .andExpect(jsonPath("$.udi.serial").value("S9"))
                .andExpect(jsonPath("$.udi.expiry").value("2028-02-29"));
        mvc.perform(api(get("/api/v1/devices").param("q", tradeName.substring(0, 15)), hospital))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].udiDi", hasItem(gtin)));
    }

    @Test
    void invalid_register_data_is_problem_json_naming_every_field_MDR_Annex_VI() throws Exception {
        var maker = manufacturer();
        var fields = DeviceFixtures.basicFields("4069999NOPE00", "Bad device");
        fields.put("riskClass", "IVDR_B");
        fields.put("notifiedBody", "12");
        mvc.perform(api(post("/api/v1/basic-udi-dis"), maker).contentType(MediaType.APPLICATION_JSON)
                        .content(json(fields)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("basicUdiDi")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("riskClass")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("notifiedBody")));
        mvc.perform(api(post("/api/v1/udi-dis"), maker).contentType(MediaType.APPLICATION_JSON)
                        .content(json(DeviceFixtures.udiFields(DeviceFixtures.gmn(), "04069999000016", "X"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("udiDi")));
    }

    @Test
    void markets_and_units_placed_through_the_api_and_units_stay_the_owners_MDR_Art_88() throws Exception {
        var maker = manufacturer();
        String gtin = registerThroughTheApi(maker, "Units " + UUID.randomUUID());
        String body = mvc.perform(api(get("/api/v1/devices/lookup").param("scan", "(01)" + gtin), maker))
                .andReturn().getResponse().getContentAsString();
        String udiId = JSON.readTree(body).get("device").get("udiDiId").asString();

        mvc.perform(api(put("/api/v1/udi-dis/" + udiId + "/markets"), maker).contentType(MediaType.APPLICATION_JSON)
                        .content(json(List.of(Map.of("country", "XI", "from", "2025-01-01"),
                                Map.of("country", "IE", "from", "2025-03-01", "until", "2025-02-01")))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("markets[1].until"));
        mvc.perform(api(put("/api/v1/udi-dis/" + udiId + "/markets"), maker).contentType(MediaType.APPLICATION_JSON)
                        .content("[null]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("markets"));
        mvc.perform(api(put("/api/v1/udi-dis/" + udiId), maker).contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("tradeName", "Renamed without repeating the UDI-DI"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.udiDi").value(gtin))
                .andExpect(jsonPath("$.data.tradeName").value("Renamed without repeating the UDI-DI"));
        mvc.perform(api(put("/api/v1/udi-dis/" + udiId + "/markets"), maker).contentType(MediaType.APPLICATION_JSON)
                        .content(json(List.of(Map.of("country", "XI", "from", "2025-01-01")))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.markets[0].country").value("XI"));
        mvc.perform(api(post("/api/v1/udi-dis/" + udiId + "/units-placed"), maker)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("country", "XI", "month", "2025-04", "units", 250))))
                .andExpect(status().isOk());
        mvc.perform(api(post("/api/v1/udi-dis/" + udiId + "/units-placed"), maker)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("country", "XI", "month", "2025-05", "units", -1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("units"));
        mvc.perform(api(get("/api/v1/udi-dis/" + udiId + "/units-placed"), maker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].units").value(250));

        var rival = manufacturer();
        mvc.perform(api(get("/api/v1/udi-dis/" + udiId + "/units-placed"), rival))
                .andExpect(status().isNotFound());
        mvc.perform(api(get("/api/v1/udi-dis/" + udiId), rival))
                .andExpect(status().isOk());
        mvc.perform(api(get("/api/v1/udi-dis/" + UUID.randomUUID()), rival))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(api(post("/api/v1/basic-udi-dis"), hospital()).contentType(MediaType.APPLICATION_JSON)
                        .content(json(DeviceFixtures.basicFields(DeviceFixtures.gmn(), "Hospital device"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_lookup_page_shows_lot_serial_and_expiry_and_marks_where_a_bad_scan_is_wrong() throws Exception {
        var maker = manufacturer();
        String tradeName = "Paged stent " + UUID.randomUUID();
        String gtin = registerThroughTheApi(maker, tradeName);
        var hospital = hospital();

        mvc.perform(get("/devices/lookup").param("scan", "]C101" + gtin + "17271231\u001D10LOT42\u001D21SN1")
                        .with(as(hospital.principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(tradeName), containsString("LOT42"),
                        containsString("SN1"), containsString("2027-12-31"), not(containsString("scan-problems")))));
        // A wrong check digit in the GTIN: the problem, its position, and the marked character.
        String bad = "(01)" + gtin.substring(0, 13) + ((gtin.charAt(13) - '0' + 1) % 10) + "(10)LOT42";
        mvc.perform(get("/devices/lookup").param("scan", bad).with(as(hospital.principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"scan-problems\""),
                        containsString("Character 18"), containsString("<mark"))));
        mvc.perform(get("/").with(as(hospital.principal())))
                .andExpect(content().string(allOf(containsString("href=\"/devices/lookup\""),
                        containsString("href=\"/devices\""))));
    }

    @Test
    void a_refused_device_form_keeps_what_was_typed_and_names_the_field_and_a_good_one_shows_the_device()
            throws Exception {
        var maker = manufacturer();
        mvc.perform(post("/devices").with(as(maker.principal())).with(csrf())
                        .param("basicUdiDi", "4069999WRONG11").param("deviceName", "Typed name")
                        .param("legislation", "MDR").param("riskClass", "MDR_III"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"basicUdiDi-problem\""),
                        containsString("value=\"Typed name\""), containsString("notified body"))));
        String basicUdiDi = DeviceFixtures.gmn();
        String location = mvc.perform(post("/devices").with(as(maker.principal())).with(csrf())
                        .param("basicUdiDi", basicUdiDi).param("deviceName", "Form device")
                        .param("legislation", "MDR").param("riskClass", "MDR_I").param("measuring", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location + "/udi-dis").with(as(maker.principal())).with(csrf())
                        .param("udiDi", "4069999000099").param("emdnCode", "Q99"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"udiDi-problem\""),
                        containsString("id=\"emdnCode-problem\""))));
        String gtin = DeviceFixtures.gtin();
        String udiPage = mvc.perform(post(location + "/udi-dis").with(as(maker.principal())).with(csrf())
                        .param("udiDi", gtin).param("tradeName", "Form trade name").param("emdnCode", "Z12030301")
                        .param("packageLevels", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(udiPage + "/markets").with(as(maker.principal())).with(csrf())
                        .param("markets", "DE, 2024-01-01\nCH 2024-06-01 2025-06-30"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(udiPage + "/units-placed").with(as(maker.principal())).with(csrf())
                        .param("country", "CH").param("month", "2025-02").param("units", "1234"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(udiPage).with(as(maker.principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Form trade name"), containsString("2025-06-30"),
                        containsString("INFUSION PUMPS"), containsString("Switzerland"),
                        containsString("1,234"), containsString("id=\"units-placed\""))));
        mvc.perform(get(udiPage).with(as(hospital().principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Form trade name"),
                        not(containsString("id=\"units-placed\"")), not(containsString("1,234")))));
        mvc.perform(get(location).with(as(maker.principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Form device"), containsString(gtin))));
        mvc.perform(get("/devices/search").param("q", "Form trade").with(as(hospital().principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Form trade name")));
    }

    @Test
    void the_openapi_description_lists_the_device_api_with_both_scan_body_types() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/udi/parse'].post.requestBody.content['text/plain']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/udi/parse'].post.requestBody.content['application/json']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/devices/lookup'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/basic-udi-dis/{basicUdiDiId}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/udi-dis/{udiDiId}/units-placed'].post").exists());
    }
}

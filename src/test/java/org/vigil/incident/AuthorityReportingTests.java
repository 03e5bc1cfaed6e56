package org.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.vigil.incident.domain.AuthorityReporting;
import org.vigil.incident.domain.AuthorityReporting.Duty;

/** Whether a hospital reports to its competent authority too, per country (MDR Art. 87(10), MedDO Art. 66(4)). */
class AuthorityReportingTests {

    static AuthorityReporting bundled(Map<String, String> overrides) throws Exception {
        var properties = new Properties();
        try (var in = new InputStreamReader(AuthorityReportingTests.class
                .getResourceAsStream("/org/vigil/incident/authority-reporting.properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        var entries = new LinkedHashMap<String, String>();
        properties.forEach((k, v) -> entries.put(k.toString(), v.toString()));
        entries.putAll(overrides);
        return AuthorityReporting.of(entries);
    }

    @Test
    void every_eu_state_allows_users_to_report_to_the_authority_under_mdr_art_87_10() throws Exception {
        var rules = bundled(Map.of());
        assertThat(rules.forCountry("se").duty()).isEqualTo(Duty.ALLOWED);
        assertThat(rules.forCountry("XI").duty()).isEqualTo(Duty.ALLOWED);
        assertThat(rules.forCountry("SE").source()).contains("Art. 87(10)");
    }

    @Test
    void germany_switzerland_and_us_user_facilities_must_report_with_the_source_shown() throws Exception {
        var rules = bundled(Map.of());
        assertThat(rules.forCountry("DE").duty()).isEqualTo(Duty.REQUIRED);
        assertThat(rules.forCountry("CH").source()).contains("Art. 66(4)");
        assertThat(rules.forCountry("US").source()).contains("803.30");
        assertThat(rules.forCountry("JP").duty()).isEqualTo(Duty.NOT_PROVIDED);
    }

    @Test
    void an_operator_overrides_a_country_and_a_wrong_setting_is_refused_naming_it() throws Exception {
        var rules = bundled(Map.of("FI", "ALLOWED|local decision", "JP", "ALLOWED|PMDA"));
        assertThat(rules.forCountry("FI").duty()).isEqualTo(Duty.ALLOWED);
        assertThat(rules.forCountry("JP").duty()).isEqualTo(Duty.ALLOWED);
        assertThatThrownBy(() -> AuthorityReporting.of(Map.of("Germany", "REQUIRED")))
                .hasMessageContaining("'Germany' is not an ISO 3166-1 alpha-2 country code");
        assertThatThrownBy(() -> AuthorityReporting.of(Map.of("DE", "MAYBE|x")))
                .hasMessageContaining("DE").hasMessageContaining("'MAYBE'");
    }
}

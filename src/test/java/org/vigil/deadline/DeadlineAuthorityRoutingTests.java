package org.vigil.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.vigil.deadline.DeadlineFixtures.PACKS;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which authorities must hear of an incident, from where it happened and where the device is sold. */
class DeadlineAuthorityRoutingTests {

    private static final Set<Jurisdiction> EVERYWHERE = Set.of(Jurisdiction.values());

    @Test
    void an_incident_in_Ireland_goes_to_the_Irish_authority_and_to_FDA_for_a_device_also_sold_in_the_US_MDR_87_1_and_803_50() {
        assertThat(PACKS.recipients("IE", EVERYWHERE, "DE", DutyHolder.MANUFACTURER))
                .extracting(Recipient::jurisdiction, Recipient::authority, Recipient::country)
                .containsExactly(tuple(Jurisdiction.EU, Authority.NATIONAL_COMPETENT_AUTHORITY, "IE"),
                        tuple(Jurisdiction.US, Authority.FDA, "US"));
    }

    @Test
    void an_incident_in_Northern_Ireland_goes_to_MHRA_under_the_EU_rules_Windsor_Framework() {
        assertThat(PACKS.recipients("XI", EVERYWHERE, "DE", DutyHolder.MANUFACTURER))
                .extracting(Recipient::jurisdiction, Recipient::authority)
                .containsExactly(tuple(Jurisdiction.XI, Authority.MHRA), tuple(Jurisdiction.US, Authority.FDA));
    }

    @Test
    void an_incident_in_England_goes_to_MHRA_under_the_GB_rules_SI_2024_1368() {
        assertThat(PACKS.recipients("GB", Set.of(Jurisdiction.GB, Jurisdiction.EU), "DE", DutyHolder.MANUFACTURER))
                .extracting(Recipient::jurisdiction, Recipient::authority)
                .containsExactly(tuple(Jurisdiction.GB, Authority.MHRA));
    }

    @Test
    void an_incident_in_Switzerland_with_a_German_manufacturer_goes_to_Swissmedic_through_the_CH_REP_MedDO_66_2bis() {
        var recipients = PACKS.recipients("CH", Set.of(Jurisdiction.CH), "DE", DutyHolder.MANUFACTURER);

        assertThat(recipients).extracting(Recipient::authority, Recipient::via)
                .containsExactly(tuple(Authority.SWISSMEDIC, "CH-REP"));
    }

    @Test
    void a_Swiss_manufacturer_reports_to_Swissmedic_itself_MedDO_66_1() {
        assertThat(PACKS.recipients("CH", Set.of(Jurisdiction.CH), "CH", DutyHolder.MANUFACTURER))
                .extracting(Recipient::authority, Recipient::via).containsExactly(tuple(Authority.SWISSMEDIC, null));
    }

    @Test
    void an_incident_in_Liechtenstein_goes_to_its_EEA_authority_and_to_Swissmedic() {
        assertThat(PACKS.recipients("LI", EVERYWHERE, "DE", DutyHolder.MANUFACTURER))
                .extracting(Recipient::authority, Recipient::country)
                .containsExactly(tuple(Authority.NATIONAL_COMPETENT_AUTHORITY, "LI"), tuple(Authority.SWISSMEDIC, "CH"),
                        tuple(Authority.FDA, "US"));
    }

    @Test
    void an_incident_in_Turkiye_goes_to_TITCK_Tibbi_Cihaz_Yonetmeligi_87() {
        assertThat(PACKS.recipients("TR", Set.of(Jurisdiction.TR), "DE", DutyHolder.MANUFACTURER))
                .extracting(Recipient::authority).containsExactly(Authority.TITCK);
    }

    @Test
    void an_incident_in_a_market_where_the_device_is_not_sold_goes_nowhere_there() {
        assertThat(PACKS.recipients("FR", Set.of(Jurisdiction.GB), "DE", DutyHolder.MANUFACTURER)).isEmpty();
        assertThat(PACKS.recipients("JP", Set.of(Jurisdiction.EU, Jurisdiction.CH), "DE", DutyHolder.MANUFACTURER))
                .isEmpty();
    }

    @Test
    void a_US_user_facility_reports_only_incidents_in_the_US_803_30() {
        assertThat(PACKS.recipients("US", EVERYWHERE, "DE", DutyHolder.USER_FACILITY))
                .extracting(Recipient::authority).containsExactly(Authority.FDA);
        assertThat(PACKS.recipients("DE", EVERYWHERE, "DE", DutyHolder.USER_FACILITY)).isEmpty();
    }

    @Test
    void country_codes_are_read_in_any_case_and_UK_is_refused_as_ambiguous() {
        assertThat(PACKS.recipients(" de ", Set.of(Jurisdiction.EU), "de", DutyHolder.MANUFACTURER))
                .extracting(Recipient::country).containsExactly("DE");
        assertThatThrownBy(() -> PACKS.recipients("UK", EVERYWHERE, "DE", DutyHolder.MANUFACTURER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GB").hasMessageContaining("XI");
        assertThatThrownBy(() -> PACKS.recipients("Germany", EVERYWHERE, "DE", DutyHolder.MANUFACTURER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("incidentCountry");
    }
}

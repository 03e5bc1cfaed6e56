package org.vigil.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/** Platform administrators register organisations with valid country codes and EUDAMED SRNs (MDR Art. 31). */
@IntegrationTest
class OrganisationRegistrationTests {

    @Autowired
    OrganisationManagement organisations;
    @Autowired
    TestData testData;

    @Test
    void a_manufacturer_is_registered_with_its_srn_MDR_31() {
        var registered = testData.asPlatform(() -> organisations.register(new OrganisationDetails(
                OrganisationKind.MANUFACTURER, "Pumps Oy " + System.nanoTime(), "fi", "FI-MF-000000777")));
        assertThat(registered.country()).isEqualTo("FI");
        assertThat(registered.srn()).isEqualTo("FI-MF-000000777");
    }

    @Test
    void northern_ireland_is_accepted_as_country_XI() {
        var registered = testData.asPlatform(() -> organisations.register(new OrganisationDetails(
                OrganisationKind.HEALTHCARE_ORGANISATION, "Belfast Hospital " + System.nanoTime(), "XI", null)));
        assertThat(registered.country()).isEqualTo("XI");
    }

    @Test
    void an_srn_of_the_wrong_actor_type_country_or_shape_is_refused_naming_the_field() {
        for (var srn : new String[] { "DE-AR-000000001", "FR-MF-000000001", "DE-MF-12345", "DEMF000000001" }) {
            assertThatThrownBy(() -> testData.asPlatform(() -> organisations.register(new OrganisationDetails(
                    OrganisationKind.MANUFACTURER, "Wrong SRN " + System.nanoTime(), "DE", srn))))
                    .as(srn)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(InvalidInputException.FieldError::field).containsExactly("srn"));
        }
    }

    @Test
    void every_problem_of_a_registration_is_reported_at_once() {
        assertThatThrownBy(() -> testData.asPlatform(() -> organisations.register(new OrganisationDetails(
                null, " ", "ZZ", null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactlyInAnyOrder("kind", "name", "country"));
    }

    @Test
    void two_organisations_of_the_same_kind_cannot_share_a_name() {
        String name = "Twin Hospital " + System.nanoTime();
        testData.asPlatform(() -> organisations.register(new OrganisationDetails(
                OrganisationKind.HEALTHCARE_ORGANISATION, name, "IE", null)));
        assertThatThrownBy(() -> testData.asPlatform(() -> organisations.register(new OrganisationDetails(
                OrganisationKind.HEALTHCARE_ORGANISATION, name.toUpperCase(), "IE", null))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void only_platform_administrators_register_organisations() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        assertThatThrownBy(() -> testData.as(admin.principal(), () -> organisations.register(new OrganisationDetails(
                OrganisationKind.HEALTHCARE_ORGANISATION, "Sneaky " + System.nanoTime(), "FI", null))))
                .isInstanceOf(AccessDeniedException.class);
    }
}

package org.vigil.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.vigil.audit.AuditEntry;
import org.vigil.audit.AuditTrail;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * Organisation administrators manage their people: invitations, roles permitted for the organisation's kind,
 * withdrawals with a reason, deactivation that ends access at once; users are never deleted (21 CFR 11.10(d), (g)).
 */
@IntegrationTest
@AutoConfigureMockMvc
class UserAdministrationTests {

    @Autowired
    UserManagement users;
    @Autowired
    Accounts accounts;
    @Autowired
    AuditTrail audit;
    @Autowired
    TestData testData;
    @Autowired
    MockMvc mvc;

    @Test
    void an_invited_person_chooses_a_password_through_the_one_time_link_and_becomes_active() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        var invited = testData.as(admin.principal(), () -> users.invite(hospital.id(),
                new NewUser("  Nurse.Nieminen@Hospital.Example ", "Nea Nieminen", Set.of(Role.REPORTER))));
        assertThat(invited.user().email()).isEqualTo("nurse.nieminen@hospital.example");
        assertThat(invited.user().status()).isEqualTo(UserStatus.INVITED);
        assertThat(accounts.linkDetails(invited.link().token())).get()
                .satisfies(details -> assertThat(details.usable()).isTrue());

        accounts.acceptLink(invited.link().token(), "a long and private pass phrase",
                "a long and private pass phrase");

        var after = testData.as(admin.principal(), () -> users.get(invited.user().id()));
        assertThat(after.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(accounts.linkDetails(invited.link().token())).get()
                .satisfies(details -> assertThat(details.usable()).as("a link works once").isFalse());
        assertThatThrownBy(() -> accounts.acceptLink(invited.link().token(), "another long pass phrase",
                "another long pass phrase")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_weak_password_or_a_mistyped_confirmation_is_refused_naming_the_field() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        var invited = testData.as(admin.principal(), () -> users.invite(hospital.id(),
                new NewUser("weak." + System.nanoTime() + "@test.example", "Weak Password", Set.of(Role.REPORTER))));
        assertThatThrownBy(() -> accounts.acceptLink(invited.link().token(), "short", "short"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("password"));
        assertThatThrownBy(() -> accounts.acceptLink(invited.link().token(), "a long and private pass phrase",
                "a long and private pass phrasf"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("confirmation"));
    }

    @Test
    void an_e_mail_address_has_one_account_across_vigil() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var other = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var person = testData.person(hospital, Role.REPORTER);
        var admin = testData.person(other, Role.ORGANISATION_ADMIN);
        assertThatThrownBy(() -> testData.as(admin.principal(), () -> users.invite(other.id(),
                new NewUser(person.email(), "Someone Else", Set.of(Role.REPORTER)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("email"));
    }

    @Test
    void only_roles_permitted_for_the_organisations_kind_can_be_granted() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        var person = testData.person(hospital, Role.REPORTER);
        assertThatThrownBy(() -> testData.as(admin.principal(), () -> users.grantRole(person.principal().userId(),
                Role.VIGILANCE_OFFICER))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> testData.as(admin.principal(), () -> users.invite(hospital.id(),
                new NewUser("prrc." + System.nanoTime() + "@test.example", "Wrong Place", Set.of(Role.PRRC)))))
                .isInstanceOf(InvalidInputException.class);
        var granted = testData.as(admin.principal(), () -> users.grantRole(person.principal().userId(),
                Role.DEVICE_SAFETY_OFFICER));
        assertThat(granted.roles()).containsExactlyInAnyOrder(Role.REPORTER, Role.DEVICE_SAFETY_OFFICER);
    }

    @Test
    void withdrawing_a_role_needs_a_reason_and_is_audited_with_it_EU_GMP_Annex_11_9() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        var person = testData.person(hospital, Role.REPORTER, Role.DEVICE_SAFETY_OFFICER);
        assertThatThrownBy(() -> testData.as(admin.principal(), () -> users.withdrawRole(person.principal().userId(),
                Role.DEVICE_SAFETY_OFFICER, " "))).isInstanceOf(InvalidInputException.class);
        testData.as(admin.principal(), () -> users.withdrawRole(person.principal().userId(),
                Role.DEVICE_SAFETY_OFFICER, "Moved to another ward"));
        var history = testData.as(admin.principal(), () -> audit.history(RecordRef.of("user",
                person.principal().userId().value())));
        var withdrawal = history.stream().filter(e -> e.action().equals("user.role-withdrawn")).findFirst()
                .orElseThrow();
        assertThat(withdrawal.reason()).isEqualTo("Moved to another ward");
        assertThat(withdrawal.actorUserId()).isEqualTo(admin.principal().userId());
        assertThat(withdrawal.changes()).extracting(AuditEntry.FieldChange::field).containsExactly("roles");
    }

    @Test
    void administrators_cannot_remove_their_own_administrator_role_or_deactivate_themselves() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        assertThatThrownBy(() -> testData.as(admin.principal(), () -> users.withdrawRole(admin.principal().userId(),
                Role.ORGANISATION_ADMIN, "oops"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> testData.as(admin.principal(), () -> users.deactivate(admin.principal().userId(),
                "oops"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void deactivation_needs_a_reason_keeps_the_account_and_stops_its_api_tokens_at_once() throws Exception {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        var person = testData.person(hospital, Role.REPORTER);
        mvc.perform(get("/api/v1/account").header("Authorization", "Bearer " + person.token()))
                .andExpect(status().isOk());
        assertThatThrownBy(() -> testData.as(admin.principal(), () -> users.deactivate(person.principal().userId(),
                null))).isInstanceOf(InvalidInputException.class);
        testData.as(admin.principal(), () -> users.deactivate(person.principal().userId(), "Left the hospital"));
        mvc.perform(get("/api/v1/account").header("Authorization", "Bearer " + person.token()))
                .andExpect(status().isUnauthorized());
        var kept = testData.as(admin.principal(), () -> users.get(person.principal().userId()));
        assertThat(kept.status()).isEqualTo(UserStatus.DEACTIVATED);
        assertThat(kept.deactivatedAt()).isNotNull();
    }

    @Test
    void an_administrator_cannot_see_or_change_people_of_another_organisation() {
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var other = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        var stranger = testData.person(other, Role.REPORTER);
        assertThatThrownBy(() -> testData.as(admin.principal(), () -> users.get(stranger.principal().userId())))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> testData.as(admin.principal(), () -> users.deactivate(stranger.principal().userId(),
                "not mine"))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> testData.as(admin.principal(), () -> users.members(other.id())))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void a_platform_administrator_manages_people_of_any_organisation_and_the_entry_lands_in_that_organisations_history() {
        var platform = testData.organisation(OrganisationKind.PLATFORM_OPERATOR);
        var operator = testData.person(platform, Role.PLATFORM_ADMIN);
        var hospital = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var hospitalAdmin = testData.person(hospital, Role.ORGANISATION_ADMIN);
        var invited = testData.as(operator.principal(), () -> users.invite(hospital.id(),
                new NewUser("via.platform." + System.nanoTime() + "@test.example", "Via Platform",
                        Set.of(Role.REPORTER))));
        var seenByHospital = testData.as(hospitalAdmin.principal(), () -> audit.history(RecordRef.of("user",
                invited.user().id().value())));
        assertThat(seenByHospital).extracting(AuditEntry::action).contains("user.invited");
        assertThat(seenByHospital.getFirst().actorName()).isEqualTo(operator.principal().displayName());
    }

    @Test
    void a_person_changes_their_password_only_with_the_current_one() {
        var person = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);
        assertThatThrownBy(() -> testData.as(person.principal(), () -> {
            accounts.changePassword("not my password", "a brand new pass phrase", "a brand new pass phrase");
            return null;
        })).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                .extracting(InvalidInputException.FieldError::field).containsExactly("currentPassword"));
        testData.as(person.principal(), () -> {
            accounts.changePassword(TestData.PASSWORD, "a brand new pass phrase", "a brand new pass phrase");
            return null;
        });
        var history = testData.as(person.principal(), () -> audit.history(RecordRef.of("user",
                person.principal().userId().value())));
        assertThat(history).extracting(AuditEntry::action).contains("user.password-changed");
        assertThat(history).allSatisfy(entry -> assertThat(String.valueOf(entry.after()))
                .doesNotContain("pass phrase").doesNotContain("{bcrypt}"));
    }

    @Test
    void a_token_is_shown_once_stored_hashed_and_stops_working_when_revoked() throws Exception {
        var person = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);
        var issued = testData.as(person.principal(), () -> accounts.createToken("Ward integration", 30));
        assertThat(issued.secret()).startsWith("vgl_").hasSizeGreaterThan(40);
        assertThat(issued.token().prefix()).isEqualTo(issued.secret().substring(0, 10));
        var listed = testData.as(person.principal(), () -> accounts.tokens());
        assertThat(listed.toString()).doesNotContain(issued.secret());
        mvc.perform(get("/api/v1/account").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isOk());
        testData.as(person.principal(), () -> accounts.revokeToken(issued.token().id()));
        mvc.perform(get("/api/v1/account").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void token_requests_without_a_name_or_with_an_unbounded_validity_are_refused_naming_the_fields() {
        var person = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION), Role.REPORTER);
        assertThatThrownBy(() -> testData.as(person.principal(), () -> accounts.createToken(" ", 9999)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactlyInAnyOrder("name", "validDays"));
    }
}

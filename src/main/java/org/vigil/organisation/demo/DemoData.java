package org.vigil.organisation.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.organisation.DemoOrganisationsLoaded;
import org.vigil.organisation.NewUser;
import org.vigil.organisation.OrganisationDetails;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.UserStatus;
import org.vigil.organisation.persistence.CredentialStore;
import org.vigil.organisation.persistence.UserRecords;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;

/**
 * Demo organisations and people, loaded with {@code --demo} (profile {@code demo}) and only into an empty database.
 * Every demo user's password is {@value #PASSWORD}.
 *
 * <p>Loaded before the web server opens its port (not as an {@code ApplicationRunner}, which runs after it), so the
 * first person to sign in after start-up never meets a half-loaded demo.
 */
@Component
@Profile("demo")
class DemoData implements SmartInitializingSingleton {

    static final String PASSWORD = "Vigil-demo-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private record DemoUser(String email, String name, Set<Role> roles) {
    }

    private record DemoOrganisation(OrganisationDetails details, List<DemoUser> users) {
    }

    private static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation(new OrganisationDetails(OrganisationKind.PLATFORM_OPERATOR, "Vigil Demo Platform",
                    null, null), List.of(
                    new DemoUser("admin@vigil.demo", "Platform Administrator", Set.of(Role.PLATFORM_ADMIN)))),
            new DemoOrganisation(new OrganisationDetails(OrganisationKind.MANUFACTURER, "Manufacturer A", "DE",
                    "DE-MF-000000001"), List.of(
                    new DemoUser("vigilance@manufacturer-a.demo", "Jonas Weber",
                            Set.of(Role.VIGILANCE_OFFICER, Role.COMPLAINT_HANDLER)),
                    new DemoUser("prrc@manufacturer-a.demo", "Katrin Schmidt",
                            Set.of(Role.PRRC, Role.ORGANISATION_ADMIN)))),
            new DemoOrganisation(new OrganisationDetails(OrganisationKind.MANUFACTURER, "Manufacturer B", "FR",
                    "FR-MF-000000002"), List.of(
                    new DemoUser("vigilance@manufacturer-b.demo", "Camille Martin",
                            Set.of(Role.VIGILANCE_OFFICER, Role.PRRC, Role.ORGANISATION_ADMIN)))),
            new DemoOrganisation(new OrganisationDetails(OrganisationKind.HEALTHCARE_ORGANISATION, "Hospital A", "FI",
                    null), List.of(
                    new DemoUser("reporter@hospital-a.demo", "Aino Virtanen", Set.of(Role.REPORTER)),
                    new DemoUser("safety@hospital-a.demo", "Mikko Laine",
                            Set.of(Role.DEVICE_SAFETY_OFFICER, Role.ORGANISATION_ADMIN)))),
            new DemoOrganisation(new OrganisationDetails(OrganisationKind.HEALTHCARE_ORGANISATION, "Hospital B", "IE",
                    null), List.of(
                    new DemoUser("reporter@hospital-b.demo", "Siobhan Murphy",
                            Set.of(Role.REPORTER, Role.DEVICE_SAFETY_OFFICER, Role.ORGANISATION_ADMIN)))),
            new DemoOrganisation(new OrganisationDetails(OrganisationKind.COMPETENT_AUTHORITY, "Authority DE", "DE",
                    null), List.of(
                    new DemoUser("reviewer@authority.demo", "Stefan Braun",
                            Set.of(Role.AUTHORITY_REVIEWER, Role.ORGANISATION_ADMIN)))));

    private final OrganisationManagement organisations;
    private final UserManagement users;
    private final UserRecords userRecords;
    private final CredentialStore credentials;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    DemoData(OrganisationManagement organisations, UserManagement users, UserRecords userRecords,
            CredentialStore credentials, PasswordEncoder passwords, AuditTrail audit,
            TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.organisations = organisations;
        this.users = users;
        this.userRecords = userRecords;
        this.credentials = credentials;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var loaded = new java.util.LinkedHashMap<String, org.vigil.shared.OrganisationId>();
        Tenancy.runAs(Actor.platform("demo data"), () -> transactions.executeWithoutResult(status -> {
            if (organisations.count() > 0) {
                log.info("Demo data not loaded: the database already holds organisations");
                return;
            }
            String hash = passwords.encode(PASSWORD);
            for (DemoOrganisation demo : ORGANISATIONS) {
                var organisation = organisations.register(demo.details());
                loaded.put(organisation.name(), organisation.id());
                for (DemoUser person : demo.users()) {
                    var invited = users.invite(organisation.id(), new NewUser(person.email(), person.name(),
                            person.roles()));
                    credentials.setInitialPassword(invited.user().id(), hash);
                    userRecords.setStatus(invited.user().id(), UserStatus.ACTIVE);
                    audit.record(AuditedChange.changed("user.activated", RecordRef.of("user",
                            invited.user().id().value()), Map.of("status", "INVITED"), Map.of("status", "ACTIVE"))
                            .because("Demo data: password set to the published demo password")
                            .inOrganisation(organisation.id()));
                }
            }
            log.info("Demo data loaded: {} organisations; every demo user's password is {}", ORGANISATIONS.size(),
                    PASSWORD);
        }));
        // After the commit, synchronously: other modules load their demo records before the port opens.
        if (!loaded.isEmpty()) {
            events.publishEvent(new DemoOrganisationsLoaded(loaded));
        }
    }
}

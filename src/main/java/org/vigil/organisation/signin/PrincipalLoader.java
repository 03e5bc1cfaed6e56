package org.vigil.organisation.signin;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.organisation.UserStatus;
import org.vigil.organisation.persistence.OrganisationRecords;
import org.vigil.organisation.persistence.UserRecords;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.Tenancy;
import org.vigil.shared.UserId;
import org.vigil.shared.VigilPrincipal;

/** Builds the principal of an active user from the database, inside that user's organisation. */
@Component
class PrincipalLoader {

    private final UserRecords users;
    private final OrganisationRecords organisations;
    private final TransactionTemplate transactions;

    PrincipalLoader(UserRecords users, OrganisationRecords organisations, TransactionTemplate transactions) {
        this.users = users;
        this.organisations = organisations;
        this.transactions = transactions;
    }

    Optional<VigilPrincipal> activePrincipal(UserId userId, OrganisationId organisationId) {
        return Tenancy.callAs(Actor.system(organisationId, "sign-in"), () -> transactions.execute(status -> {
            var user = users.find(userId).filter(found -> found.status() == UserStatus.ACTIVE);
            var organisation = organisations.find(organisationId);
            if (user.isEmpty() || organisation.isEmpty()) {
                return Optional.<VigilPrincipal>empty();
            }
            var u = user.get();
            var o = organisation.get();
            return Optional.of(new VigilPrincipal(u.id(), u.email(), u.displayName(), o.id(), o.name(), o.kind(),
                    u.roles()));
        }));
    }
}

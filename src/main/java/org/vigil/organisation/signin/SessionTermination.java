package org.vigil.organisation.signin;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.vigil.organisation.UserAccessChanged;
import org.vigil.shared.VigilPrincipal;

/**
 * Ends every open session of a user whose roles or status changed, once the change is committed; the user signs in
 * again with their current roles, or cannot sign in at all.
 */
@Component
class SessionTermination {

    private final SessionRegistry sessions;

    SessionTermination(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener
    void on(UserAccessChanged event) {
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof VigilPrincipal vigil && vigil.userId().equals(event.userId())) {
                sessions.getAllSessions(principal, false).forEach(session -> session.expireNow());
            }
        }
    }
}

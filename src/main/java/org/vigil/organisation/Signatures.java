package org.vigil.organisation;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.organisation.persistence.CredentialStore;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Sha256;
import org.vigil.shared.Tenancy;

/**
 * Executes electronic signatures for the signed-in person (21 CFR Part 11 Subpart C; EU GMP Annex 11 §14). Each
 * signing asks for the signer's password again, even within a signed-in session: the session itself is the first
 * component (the user id), the password the second (11.200(a)(1)(i)). The signature is bound to the exact content
 * signed by its SHA-256 (11.70) and recorded in the audit trail with its meaning.
 *
 * <p>Callers sign inside their own transaction, so that the signed record and the signature commit together or not
 * at all.
 */
@Service
public class Signatures {

    private final CredentialStore credentials;
    private final PasswordEncoder passwords;
    private final UserManagement users;
    private final AuditTrail audit;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    Signatures(CredentialStore credentials, PasswordEncoder passwords, UserManagement users, AuditTrail audit) {
        this(credentials, passwords, users, audit, Clock.systemUTC());
    }

    Signatures(CredentialStore credentials, PasswordEncoder passwords, UserManagement users, AuditTrail audit,
            Clock clock) {
        this.credentials = credentials;
        this.passwords = passwords;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Signs {@code content} with the meaning {@code meaning} as the signed-in person, after checking {@code password}
     * (field {@code password}) against theirs.
     *
     * @param recordType the audit record type of what is signed, for example {@code reportability-decision}
     * @param recordId   its id
     * @throws InvalidInputException naming {@code password} when it is missing or not the signer's
     * @throws IllegalStateException when no person is signed in (Vigil itself never signs)
     */
    @Transactional
    public ElectronicSignature sign(String password, String meaning, String content, String recordType,
            UUID recordId) {
        var actor = Tenancy.requireActor();
        if (actor.userId() == null) {
            throw new IllegalStateException("Only a person signs");
        }
        if (password == null || password.isEmpty()) {
            throw InvalidInputException.of("password", "Enter your password to sign.");
        }
        String hash = credentials.ownPasswordHash().orElse(null);
        if (hash == null || !passwords.matches(password, hash)) {
            throw InvalidInputException.of("password", "This is not your password; nothing was signed.");
        }
        var me = users.get(actor.userId());
        var signature = new ElectronicSignature(me.id(), me.displayName(), clock.instant(), meaning, Sha256.hex(content));
        audit.record(AuditedChange.event("signature.executed", RecordRef.of(recordType, recordId),
                Map.of("meaning", meaning, "printedName", signature.printedName(), "contentSha256",
                        signature.contentHash(), "signedAt", signature.signedAt().toString())));
        return signature;
    }

}

package org.vigil.audit.sharing;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.shared.RecordSharing.RecordShareRevoked;
import org.vigil.shared.RecordSharing.RecordShared;

/** Records every share and revocation of a record in the audit trail, in the transaction that made it. */
@Component
class SharingAudit {

    private final AuditTrail audit;

    SharingAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(RecordShared event) {
        audit.record(AuditedChange.changed("record.shared", event.record(), null,
                Map.of("sharedWith", event.grantee().toString())));
    }

    @EventListener
    void on(RecordShareRevoked event) {
        audit.record(AuditedChange.withdrawn("record.share-revoked", event.record(),
                Map.of("sharedWith", event.grantee().toString()), null, event.reason()));
    }
}

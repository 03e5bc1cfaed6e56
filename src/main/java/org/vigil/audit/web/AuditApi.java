package org.vigil.audit.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.audit.AuditEntry;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.ChainAnchor;
import org.vigil.audit.ChainVerification;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;

/** REST: a record's history and the check of the whole chain. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail")
class AuditApi {

    private final AuditTrail auditTrail;

    AuditApi(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @GetMapping("/records/{recordType}/{recordId}")
    @PermitAll
    @Operation(summary = "History of one record: who changed what, when and why (404 when none is visible to you)")
    List<AuditEntry> history(@PathVariable String recordType, @PathVariable UUID recordId) {
        if (!RecordRef.isValidType(recordType)) {
            throw new RecordNotFoundException("record", recordType + "/" + recordId);
        }
        var entries = auditTrail.history(RecordRef.of(recordType, recordId));
        if (entries.isEmpty()) {
            throw new RecordNotFoundException(recordType, recordId);
        }
        return entries;
    }

    /**
     * @param expect optionally {@code SEQ:HASH} of a chain end recorded outside Vigil
     */
    record VerificationRequest(String expect) {
    }

    @PostMapping("/verifications")
    @RolesAllowed("PLATFORM_ADMIN")
    @Operation(summary = "Check the whole hash chain; names the first entry edited, deleted, inserted or reordered")
    ChainVerification verify(@RequestBody(required = false) VerificationRequest request) {
        ChainAnchor anchor = null;
        if (request != null && request.expect() != null && !request.expect().isBlank()) {
            try {
                anchor = ChainAnchor.parse(request.expect());
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("expect", e.getMessage());
            }
        }
        return auditTrail.verifyChain(anchor);
    }
}

package org.vigil.audit.web;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.ChainAnchor;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;

/** Pages: a record's history, and the platform administrator's view and check of the whole trail. */
@Controller
class AuditPages {

    private final AuditTrail auditTrail;

    AuditPages(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    /** Who changed what, when and why, for one record the caller may see. */
    @GetMapping("/history/{recordType}/{recordId}")
    @PermitAll
    String history(@PathVariable String recordType, @PathVariable UUID recordId, Model model) {
        if (!RecordRef.isValidType(recordType)) {
            throw new RecordNotFoundException("record", recordType + "/" + recordId);
        }
        var entries = auditTrail.history(RecordRef.of(recordType, recordId));
        if (entries.isEmpty()) {
            throw new RecordNotFoundException(recordType, recordId);
        }
        model.addAttribute("record", RecordRef.of(recordType, recordId));
        model.addAttribute("entries", entries);
        return "audit/history";
    }

    @GetMapping("/admin/audit")
    @RolesAllowed("PLATFORM_ADMIN")
    String trail(Model model) {
        model.addAttribute("entries", auditTrail.latest(50));
        return "audit/trail";
    }

    /** Checks the whole chain; answers the result fragment to htmx, the whole page otherwise. */
    @PostMapping("/admin/audit/verification")
    @RolesAllowed("PLATFORM_ADMIN")
    String verify(@RequestParam(required = false) String expect,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        ChainAnchor anchor = null;
        if (expect != null && !expect.isBlank()) {
            try {
                anchor = ChainAnchor.parse(expect);
            } catch (IllegalArgumentException e) {
                model.addAttribute("expectError", e.getMessage());
            }
        }
        if (!model.containsAttribute("expectError")) {
            model.addAttribute("verification", auditTrail.verifyChain(anchor));
        }
        model.addAttribute("expect", expect);
        if (htmx != null) {
            return "audit/trail :: verification";
        }
        model.addAttribute("entries", auditTrail.latest(50));
        return "audit/trail";
    }

}

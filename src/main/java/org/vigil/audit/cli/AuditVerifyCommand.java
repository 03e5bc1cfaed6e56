package org.vigil.audit.cli;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.ChainAnchor;
import org.vigil.audit.ChainVerification;
import org.vigil.shared.Actor;
import org.vigil.shared.Tenancy;
import org.vigil.shared.VigilCommand;

/** {@code java -jar vigil.jar audit verify [--expect=SEQ:HASH]}: checks the whole audit chain. */
@Component
class AuditVerifyCommand implements VigilCommand {

    private final AuditTrail auditTrail;

    AuditVerifyCommand(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @Override
    public String name() {
        return "audit verify";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        ChainAnchor anchor = null;
        for (String argument : arguments) {
            if (argument.startsWith("--expect=")) {
                try {
                    anchor = ChainAnchor.parse(argument.substring("--expect=".length()));
                } catch (IllegalArgumentException e) {
                    err.println("--expect: " + e.getMessage());
                    return 2;
                }
            } else if (!argument.startsWith("--")) {
                err.println("Unexpected argument: " + argument);
                return 2;
            }
        }
        ChainAnchor expected = anchor;
        ChainVerification result = Tenancy.callAs(Actor.platform("audit verify"),
                () -> auditTrail.verifyChain(expected));
        if (result.intact()) {
            out.printf("Audit trail intact: %d entries checked at %s.%n", result.entriesChecked(),
                    DateTimeFormatter.ISO_INSTANT.format(result.checkedAt()));
            out.printf("Last entry: %d:%s%n", result.lastSeq(), result.lastHash());
            out.println("Record this line outside Vigil; later pass it as --expect=SEQ:HASH to detect a rewrite.");
            return 0;
        }
        var problem = result.firstProblem();
        out.printf("AUDIT TRAIL TAMPERED: entry %d %s.%n", problem.seq(), problem.kind().name().toLowerCase());
        out.println(problem.explanation());
        out.printf("Entries read: %d; last intact entry: %d:%s%n", result.entriesChecked(), result.lastSeq(),
                result.lastHash());
        return 1;
    }
}

package org.vigil.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.vigil.incident.DeviceAvailability;
import org.vigil.incident.PersonInvolved;
import org.vigil.incident.ReportContent;
import org.vigil.incident.ReportId;
import org.vigil.incident.ReportKind;
import org.vigil.incident.ReportedDevice;
import org.vigil.incident.persistence.ReportRecords;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.Tenancy;
import org.vigil.shared.UserId;

/**
 * One submitted incident report with one attachment per organisation, for the endpoint matrix. It is written straight
 * into the organisation's records (Vigil acting for it), whatever kind the organisation is, so that every tester has
 * a report of its own to compare with organisation A's.
 */
public final class IncidentFixtures {

    private static final Map<OrganisationId, Report> REPORTS = new ConcurrentHashMap<>();
    private static volatile ReportRecords records;
    private static volatile org.springframework.transaction.support.TransactionTemplate transactions;

    private IncidentFixtures() {
    }

    /** A submitted report and its attachment. */
    public record Report(ReportId reportId, UUID attachmentId) {
    }

    /** Lets {@link #reportOf} write reports. */
    public static void use(ReportRecords reportRecords,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        records = reportRecords;
        transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    }

    /** The organisation's fixture report, written by {@code member} on first use. */
    public static Report reportOf(OrganisationId organisation, UserId member) {
        return REPORTS.computeIfAbsent(organisation, owner -> Tenancy.callAs(Actor.system(owner, "test fixtures"),
                () -> transactions.execute(status -> {
                    var id = ReportId.random();
                    var content = new ReportContent(ReportKind.INCIDENT, null, new ReportedDevice(null, null, null,
                            "Fixture Manufacturer", "Fixture pump", null, null, null, null, null, null),
                            LocalDate.now().minusDays(2), null, "ICU", "Fixture report for the matrix.",
                            List.of("A0401"), PersonInvolved.NONE, List.of(), List.of(), null, null, null, null,
                            null, DeviceAvailability.NOT_AVAILABLE, null, false);
                    records.insert(id, owner, records.nextReference(LocalDate.now().getYear()), member,
                            content);
                    byte[] pdf = "%PDF-1.4\n% matrix fixture\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
                    var attachment = UUID.randomUUID();
                    records.insertAttachment(attachment, id, owner, "fixture.pdf", "application/pdf", pdf,
                            sha256(pdf), member);
                    records.submit(id, 0, content, null);
                    return new Report(id, attachment);
                })));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.vigil.mir;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * What the EUDAMED DTX message around a manufacturer incident report says about itself and that a {@link MirReport}
 * does not hold: the message's identity, when it was made and which actor sends it ({@code m:Push} of
 * {@code service/Message.xsd}, DTX 3.0.25). EUDAMED answers with an acknowledgement carrying the same correlation id.
 *
 * @param messageId the unique id of this message ({@code m:messageID})
 * @param correlationId the id the acknowledgement refers back to ({@code m:correlationID})
 * @param created when the message was made ({@code m:creationDateTime}), to the second
 * @param senderActorCode the SRN of the actor sending it (MDR Art. 31), {@code XX-MF-000000000} or
 *        {@code XX-AR-000000000} ({@code m:sender/m:node/s:nodeActorCode})
 */
public record EudamedEnvelope(String messageId, String correlationId, OffsetDateTime created,
        String senderActorCode) {

    public EudamedEnvelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(senderActorCode, "senderActorCode");
        created = created.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The envelope Vigil derives from the report itself, so the same report always gives the same document:
     * <ul>
     *   <li>message and correlation id: a name-based UUID of the manufacturer's reference, report type, report date
     *       and creation time (a corrected report, created later, gets a new id);</li>
     *   <li>created: when the report was created, otherwise the start of its report date in UTC;</li>
     *   <li>sender: the SRN of the submitter (MIR 7.3.1 §1.3): the authorised representative's or other submitter's
     *       when they submit, otherwise the manufacturer's.</li>
     * </ul>
     * Values it cannot derive stay {@code null} in {@link MirEudamed}'s check, which then names the report field.
     *
     * @return the envelope, or {@code null} when the report lacks the sender's SRN or any date
     */
    public static EudamedEnvelope derivedFrom(MirReport report) {
        AdministrativeInformation admin = report.administrative();
        OffsetDateTime created = report.created() != null ? report.created()
                : admin.reportDate() == null ? null : admin.reportDate().atTime(LocalTime.MIDNIGHT)
                        .atOffset(ZoneOffset.UTC);
        String sender = senderSrn(admin.submitter());
        if (created == null || sender == null) {
            return null;
        }
        String name = "vigil-mir|" + admin.manufacturerReference() + "|" + admin.reportType() + "|"
                + admin.reportDate() + "|" + created;
        String id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
        return new EudamedEnvelope(id, id, created, sender);
    }

    /** The SRN of whoever submits: MDR Art. 87(1) the manufacturer, or for it the AR (Art. 11(3)(g)) or another. */
    static String senderSrn(Submitter submitter) {
        if (submitter == null) {
            return null;
        }
        Party party = switch (submitter.role() == null ? SubmitterRole.MANUFACTURER : submitter.role()) {
            case AUTHORISED_REPRESENTATIVE -> submitter.authorisedRepresentative();
            case OTHER -> submitter.other();
            case MANUFACTURER -> submitter.manufacturer();
        };
        if (party != null && party.srn() != null && !party.srn().isBlank()) {
            return party.srn();
        }
        Party manufacturer = submitter.manufacturer();
        return manufacturer == null || manufacturer.srn() == null || manufacturer.srn().isBlank() ? null
                : manufacturer.srn();
    }
}

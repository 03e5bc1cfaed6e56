package org.vigil.incident;

import java.time.Instant;
import java.util.List;

import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/**
 * An incident report as its reader sees it.
 *
 * @param id           the report's id
 * @param reference    the hospital's report number, e.g. {@code IR-2026-00042}
 * @param status       draft or submitted
 * @param content      what the report says; the patient appears only as the hospital's pseudonym
 * @param version      increases with every saved change; a save names the version it was based on
 * @param hospital     the healthcare organisation that reports
 * @param reporter     who wrote it; shown to the manufacturer only when {@code content.reporterNameShared()}
 * @param manufacturer the device's manufacturer in Vigil, once known
 * @param createdAt    when the draft was started
 * @param updatedAt    when it last changed
 * @param submittedAt  when it was submitted, {@code null} for drafts
 * @param attachments  its attachments
 */
public record ReportView(ReportId id, String reference, ReportStatus status, ReportContent content, int version,
        OrganisationId hospital, UserId reporter, OrganisationId manufacturer, Instant createdAt, Instant updatedAt,
        Instant submittedAt, List<AttachmentView> attachments) {

    public ReportView {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}

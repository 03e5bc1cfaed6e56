package org.vigil.mir.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.casework.CaseId;
import org.vigil.deadline.Authority;
import org.vigil.deadline.ObligationId;
import org.vigil.mir.MirReportId;
import org.vigil.mir.MirReportType;
import org.vigil.mir.MirReportView;
import org.vigil.mir.MirSubmission;
import org.vigil.mir.MirVersion;
import org.vigil.mir.SubmissionChannel;
import org.vigil.organisation.ElectronicSignature;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/**
 * Stores manufacturer incident reports, their versions, approvals and submissions; row-level security limits every
 * statement to the caller's organisation. Versions and approvals are only ever inserted.
 */
@Repository
public class MirRecords {

    private final JdbcClient jdbc;

    MirRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is stored about a report, without its versions' documents. */
    public record Header(MirReportId id, CaseId caseId, String caseReference, int sequence, MirReportType type,
            String createdByName, Instant createdAt) {
    }

    /** Serialises changes to one case's reports, so that two officers get sequence or version n and n + 1. */
    public void lockCase(CaseId caseId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('mir:' || ?::text, 0))").param(caseId.value())
                .query().singleRow();
    }

    public int nextSequence(CaseId caseId) {
        return jdbc.sql("SELECT coalesce(max(sequence), 0) + 1 FROM mir_report WHERE case_id = ?")
                .param(caseId.value()).query(Integer.class).single();
    }

    public void insertReport(OrganisationId organisation, Header header, UserId createdBy) {
        jdbc.sql("""
                INSERT INTO mir_report (id, org_id, case_id, case_reference, sequence, report_type, created_at,
                    created_by, created_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(header.id().value(), organisation.value(), header.caseId().value(), header.caseReference(),
                        header.sequence(), header.type().name(), Timestamp.from(header.createdAt()),
                        createdBy.value(), header.createdByName())
                .update();
    }

    public void insertVersion(OrganisationId organisation, MirReportId report, MirVersion version, byte[] formXml) {
        jdbc.sql("""
                INSERT INTO mir_report_version (report_id, org_id, version, form_xml, content_sha256, origin, note,
                    saved_by, saved_by_name, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(report.value(), organisation.value(), version.version(), formXml, version.contentHash(),
                        version.origin().name(), version.note(), version.savedBy().value(), version.savedByName(),
                        Timestamp.from(version.savedAt()))
                .update();
    }

    public void insertApproval(OrganisationId organisation, MirReportId report, int version,
            ElectronicSignature signature) {
        jdbc.sql("""
                INSERT INTO mir_approval (report_id, version, org_id, signer_id, signer_name, signed_at,
                    signature_meaning, content_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(report.value(), version, organisation.value(), signature.signer().value(),
                        signature.printedName(), Timestamp.from(signature.signedAt()), signature.meaning(),
                        signature.contentHash())
                .update();
    }

    public void insertSubmission(OrganisationId organisation, MirReportId report, MirSubmission submission,
            UserId recordedBy, Instant recordedAt) {
        jdbc.sql("""
                INSERT INTO mir_submission (id, report_id, version, org_id, authority, authority_country, channel,
                    submitted_at, recorded_by, recorded_by_name, recorded_at, authority_reference, obligation_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[])""")
                .params(submission.id(), report.value(), submission.version(), organisation.value(),
                        submission.authority().name(), submission.country(), submission.channel().name(),
                        Timestamp.from(submission.submittedAt()), recordedBy.value(), submission.recordedByName(),
                        Timestamp.from(recordedAt), submission.authorityReference(),
                        submission.obligations().stream().map(o -> o.value().toString()).toArray(String[]::new))
                .update();
    }

    public void acknowledge(UUID submission, String authorityReference, Instant acknowledgedAt, String text,
            String byName) {
        jdbc.sql("""
                UPDATE mir_submission SET authority_reference = coalesce(?, authority_reference),
                    acknowledged_at = ?, acknowledgement = ?, acknowledged_by_name = ? WHERE id = ?""")
                .params(authorityReference, Timestamp.from(acknowledgedAt), text, byName, submission).update();
    }

    public Optional<Header> header(MirReportId id) {
        return jdbc.sql("SELECT id, case_id, case_reference, sequence, report_type, created_by_name, created_at "
                + "FROM mir_report WHERE id = ?").param(id.value()).query(MirRecords::header).optional();
    }

    public List<Header> headers(CaseId caseId) {
        return jdbc.sql("SELECT id, case_id, case_reference, sequence, report_type, created_by_name, created_at "
                + "FROM mir_report WHERE case_id = ? ORDER BY sequence").param(caseId.value())
                .query(MirRecords::header).list();
    }

    /** The report's versions, the latest first, each with its approval. */
    public List<MirVersion> versions(MirReportId id) {
        return jdbc.sql("""
                SELECT v.version, v.content_sha256, v.origin, v.note, v.saved_by, v.saved_by_name, v.saved_at,
                       a.signer_id, a.signer_name, a.signed_at, a.signature_meaning, a.content_sha256 AS signed_sha256
                FROM mir_report_version v LEFT JOIN mir_approval a ON a.report_id = v.report_id AND a.version = v.version
                WHERE v.report_id = ? ORDER BY v.version DESC""")
                .param(id.value()).query((rs, n) -> new MirVersion(rs.getInt("version"), rs.getString("content_sha256"),
                        MirVersion.Origin.valueOf(rs.getString("origin")), rs.getString("note"),
                        new UserId(rs.getObject("saved_by", UUID.class)), rs.getString("saved_by_name"),
                        rs.getTimestamp("saved_at").toInstant(), approval(rs)))
                .list();
    }

    public Optional<byte[]> document(MirReportId id, int version) {
        return jdbc.sql("SELECT form_xml FROM mir_report_version WHERE report_id = ? AND version = ?")
                .params(id.value(), version).query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** The report's submissions, the latest first. */
    public List<MirSubmission> submissions(MirReportId id) {
        return jdbc.sql("""
                SELECT id, version, authority, authority_country, channel, submitted_at, recorded_by_name,
                       authority_reference, obligation_ids, acknowledged_at, acknowledgement
                FROM mir_submission WHERE report_id = ? ORDER BY submitted_at DESC, recorded_at DESC""")
                .param(id.value()).query(MirRecords::submission).list();
    }

    /** Which report a submission belongs to. */
    public Optional<MirReportId> reportOfSubmission(UUID submission) {
        return jdbc.sql("SELECT report_id FROM mir_submission WHERE id = ?").param(submission)
                .query((rs, n) -> new MirReportId(rs.getObject(1, UUID.class))).optional();
    }

    public boolean fourEyes() {
        return jdbc.sql("SELECT four_eyes FROM mir_policy").query(Boolean.class).optional().orElse(false);
    }

    public void setFourEyes(OrganisationId organisation, boolean on, String byName, Instant at) {
        jdbc.sql("""
                INSERT INTO mir_policy (org_id, four_eyes, changed_by_name, changed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (org_id) DO UPDATE SET four_eyes = EXCLUDED.four_eyes,
                    changed_by_name = EXCLUDED.changed_by_name, changed_at = EXCLUDED.changed_at""")
                .params(organisation.value(), on, byName, Timestamp.from(at)).update();
    }

    /** Reports with their versions and submissions: two statements per report (a case has a handful). */
    public List<MirReportView> views(List<Header> headers) {
        var views = new ArrayList<MirReportView>();
        for (Header header : headers) {
            views.add(view(header));
        }
        return views;
    }

    public MirReportView view(Header header) {
        return new MirReportView(header.id(), header.caseId(), header.caseReference(), header.sequence(),
                header.type(), header.createdByName(), header.createdAt(), versions(header.id()),
                submissions(header.id()));
    }

    private static Header header(ResultSet rs, int n) throws SQLException {
        return new Header(new MirReportId(rs.getObject("id", UUID.class)),
                new CaseId(rs.getObject("case_id", UUID.class)), rs.getString("case_reference"),
                rs.getInt("sequence"), MirReportType.valueOf(rs.getString("report_type")),
                rs.getString("created_by_name"), rs.getTimestamp("created_at").toInstant());
    }

    private static ElectronicSignature approval(ResultSet rs) throws SQLException {
        UUID signer = rs.getObject("signer_id", UUID.class);
        if (signer == null) {
            return null;
        }
        return new ElectronicSignature(new UserId(signer), rs.getString("signer_name"),
                rs.getTimestamp("signed_at").toInstant(), rs.getString("signature_meaning"),
                rs.getString("signed_sha256"));
    }

    private static MirSubmission submission(ResultSet rs, int n) throws SQLException {
        Array ids = rs.getArray("obligation_ids");
        var obligations = Arrays.stream((UUID[]) ids.getArray()).map(ObligationId::new).toList();
        Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
        return new MirSubmission(rs.getObject("id", UUID.class), rs.getInt("version"),
                Authority.valueOf(rs.getString("authority")), rs.getString("authority_country"),
                SubmissionChannel.valueOf(rs.getString("channel")), rs.getTimestamp("submitted_at").toInstant(),
                rs.getString("recorded_by_name"), rs.getString("authority_reference"), obligations,
                acknowledged == null ? null : acknowledged.toInstant(), rs.getString("acknowledgement"));
    }
}

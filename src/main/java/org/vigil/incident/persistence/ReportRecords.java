package org.vigil.incident.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.incident.AttachmentView;
import org.vigil.incident.ReportContent;
import org.vigil.incident.ReportId;
import org.vigil.incident.ReportStatus;
import org.vigil.incident.ReportView;
import org.vigil.incident.SubmittedReportSummary;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incident reports and their attachments in PostgreSQL. Row-level security shows a hospital its own reports and a
 * manufacturer or authority only the submitted reports shared with it.
 */
@Repository
public class ReportRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ReportRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new report number, unique in the installation, e.g. {@code IR-2026-00042} for the year of creation; locks
     * nothing (see db/migration/incident/V2__report_numbers_from_a_sequence.sql).
     */
    public String nextReference(int year) {
        long number = jdbc.sql("SELECT nextval('incident_report_number')").query(Long.class).single();
        return "IR-%d-%05d".formatted(year, number);
    }

    public void insert(ReportId id, OrganisationId hospital, String reference, UserId reporter, ReportContent content) {
        jdbc.sql("""
                INSERT INTO incident_report (id, org_id, reference, kind, status, content, reporter_id)
                VALUES (?, ?, ?, ?, 'DRAFT', ?::jsonb, ?)
                """).params(id.value(), hospital.value(), reference, content.kind().name(), json(content),
                reporter.value()).update();
    }

    /**
     * Stores a report submitted in one step, as {@link #submit} leaves a draft, and answers it as stored (one round
     * trip: under load every statement of a submission counts, docs/benchmarks.md).
     */
    public ReportView insertSubmitted(ReportId id, OrganisationId hospital, String reference, UserId reporter,
            ReportContent content, OrganisationId manufacturer) {
        return jdbc.sql("""
                INSERT INTO incident_report (id, org_id, reference, kind, status, content, reporter_id, version,
                                             manufacturer_org_id, submitted_at)
                VALUES (?, ?, ?, ?, 'SUBMITTED', ?::jsonb, ?, 1, ?, clock_timestamp())
                RETURNING id, reference, status, content, version, org_id, reporter_id, manufacturer_org_id,
                          created_at, updated_at, submitted_at
                """).params(id.value(), hospital.value(), reference, content.kind().name(), json(content),
                reporter.value(), manufacturer == null ? null : manufacturer.value()).query(this::report).single();
    }

    /** Saves a draft if it is still at {@code expectedVersion}; {@code false} when it changed meanwhile or is no draft. */
    public boolean saveDraft(ReportId id, int expectedVersion, ReportContent content) {
        return jdbc.sql("""
                UPDATE incident_report SET content = ?::jsonb, kind = ?, version = version + 1,
                       updated_at = clock_timestamp()
                 WHERE id = ? AND version = ? AND status = 'DRAFT'
                """).params(json(content), content.kind().name(), id.value(), expectedVersion).update() == 1;
    }

    public boolean submit(ReportId id, int expectedVersion, ReportContent content, OrganisationId manufacturer) {
        return jdbc.sql("""
                UPDATE incident_report SET content = ?::jsonb, kind = ?, version = version + 1, status = 'SUBMITTED',
                       manufacturer_org_id = ?, updated_at = clock_timestamp(), submitted_at = clock_timestamp()
                 WHERE id = ? AND version = ? AND status = 'DRAFT'
                """).params(json(content), content.kind().name(),
                manufacturer == null ? null : manufacturer.value(), id.value(), expectedVersion).update() == 1;
    }

    public void markSentToAuthority(ReportId id, OrganisationId authority) {
        jdbc.sql("""
                UPDATE incident_report SET authority_org_id = ?, sent_to_authority_at = clock_timestamp(),
                       updated_at = clock_timestamp()
                 WHERE id = ? AND status = 'SUBMITTED'
                """).params(authority.value(), id.value()).update();
    }

    public Optional<ReportView> find(ReportId id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id.value()).query(this::report).optional()
                .map(view -> withAttachments(view));
    }

    /** Reports visible to the caller: the hospital's own, and those shared with the caller's organisation. */
    public List<ReportView> list(ReportStatus status, int limit) {
        return jdbc.sql(SELECT + " WHERE (CAST(? AS text) IS NULL OR r.status = ?) ORDER BY r.updated_at DESC LIMIT ?")
                .params(status == null ? null : status.name(), status == null ? null : status.name(), limit)
                .query(this::report).list();
    }

    /** Submitted reports of {@code manufacturer} about one of the devices, sharing a code; see the facade. */
    public List<SubmittedReportSummary> similar(OrganisationId manufacturer, Collection<String> udiDis,
            Collection<String> lowerCaseModels, Collection<String> codes) {
        return jdbc.sql("""
                SELECT r.id, r.reference, r.org_id, r.content ->> 'occurredOn', r.submitted_at,
                       r.content -> 'device' ->> 'udiDi', r.content -> 'device' ->> 'model',
                       ARRAY(SELECT jsonb_array_elements_text(r.content -> 'deviceProblemCodes'))
                  FROM incident_report r
                 WHERE r.status = 'SUBMITTED' AND r.manufacturer_org_id = ?
                   AND (r.content -> 'device' ->> 'udiDi' = ANY(?)
                        OR lower(r.content -> 'device' ->> 'model') = ANY(?))
                   AND jsonb_exists_any(r.content -> 'deviceProblemCodes', ?)
                 ORDER BY r.submitted_at, r.id""")
                .params(manufacturer.value(), udiDis.toArray(String[]::new), lowerCaseModels.toArray(String[]::new),
                        codes.toArray(String[]::new))
                .query((rs, n) -> new SubmittedReportSummary(new ReportId(rs.getObject(1, UUID.class)),
                        rs.getString(2), new OrganisationId(rs.getObject(3, UUID.class)), date(rs.getString(4)),
                        instant(rs, 5), rs.getString(6), rs.getString(7),
                        List.of((String[]) rs.getArray(8).getArray())))
                .list();
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    public Optional<OrganisationId> authorityOf(ReportId id) {
        return jdbc.sql("SELECT authority_org_id FROM incident_report WHERE id = ?").param(id.value())
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)).map(OrganisationId::new))
                .optional().flatMap(found -> found);
    }

    public void insertAttachment(UUID id, ReportId report, OrganisationId hospital, String fileName, String mediaType,
            byte[] content, String sha256, UserId uploadedBy) {
        jdbc.sql("""
                INSERT INTO incident_attachment (id, org_id, report_id, file_name, media_type, size_bytes, sha256,
                                                 content, uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, hospital.value(), report.value(), fileName, mediaType, content.length, sha256, content,
                uploadedBy.value()).update();
    }

    public int attachmentCount(ReportId report) {
        return jdbc.sql("SELECT count(*) FROM incident_attachment WHERE report_id = ? AND removed_at IS NULL")
                .param(report.value()).query(Integer.class).single();
    }

    /** An attachment's metadata and bytes, if the caller may read it. */
    public Optional<StoredAttachment> attachment(UUID id) {
        return jdbc.sql("""
                SELECT id, report_id, file_name, media_type, size_bytes, sha256, uploaded_at, content
                  FROM incident_attachment WHERE id = ? AND removed_at IS NULL
                """).param(id).query((rs, n) -> new StoredAttachment(new ReportId(rs.getObject(2, UUID.class)),
                attachmentView(rs), rs.getBytes(8))).optional();
    }

    /** An attachment with the report it belongs to and its stored bytes. */
    public record StoredAttachment(ReportId report, AttachmentView view, byte[] content) {
    }

    private ReportView withAttachments(ReportView view) {
        var attachments = jdbc.sql("""
                SELECT id, report_id, file_name, media_type, size_bytes, sha256, uploaded_at
                  FROM incident_attachment WHERE report_id = ? AND removed_at IS NULL ORDER BY uploaded_at, id
                """).param(view.id().value()).query((rs, n) -> attachmentView(rs)).list();
        return new ReportView(view.id(), view.reference(), view.status(), view.content(), view.version(),
                view.hospital(), view.reporter(), view.manufacturer(), view.createdAt(), view.updatedAt(),
                view.submittedAt(), attachments);
    }

    private static final String SELECT = """
            SELECT r.id, r.reference, r.status, r.content, r.version, r.org_id, r.reporter_id, r.manufacturer_org_id,
                   r.created_at, r.updated_at, r.submitted_at
              FROM incident_report r""";

    private ReportView report(ResultSet rs, int row) throws SQLException {
        UUID manufacturer = rs.getObject(8, UUID.class);
        return new ReportView(new ReportId(rs.getObject(1, UUID.class)), rs.getString(2),
                ReportStatus.valueOf(rs.getString(3)), JSON.readValue(rs.getString(4), ReportContent.class),
                rs.getInt(5), new OrganisationId(rs.getObject(6, UUID.class)),
                new UserId(rs.getObject(7, UUID.class)), manufacturer == null ? null : new OrganisationId(manufacturer),
                instant(rs, 9), instant(rs, 10), instant(rs, 11), List.of());
    }

    private static AttachmentView attachmentView(ResultSet rs) throws SQLException {
        return new AttachmentView(rs.getObject(1, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), instant(rs, 7));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var time = rs.getObject(column, java.time.OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static String json(ReportContent content) {
        return JSON.writeValueAsString(content);
    }
}

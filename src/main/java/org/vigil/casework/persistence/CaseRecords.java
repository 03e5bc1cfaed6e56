package org.vigil.casework.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.casework.CaseFilter;
import org.vigil.casework.CaseId;
import org.vigil.casework.CaseOrigin;
import org.vigil.casework.CaseSide;
import org.vigil.casework.CaseStatus;
import org.vigil.casework.CaseView;
import org.vigil.casework.ComplaintSource;
import org.vigil.casework.DeviceReturnView;
import org.vigil.casework.EntryKind;
import org.vigil.casework.EntryVisibility;
import org.vigil.casework.InterimAdvice;
import org.vigil.casework.TimelineEntry;
import org.vigil.casework.domain.DeviceReturn;
import org.vigil.casework.domain.DeviceReturnSteps;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cases and their timelines in PostgreSQL. Row-level security shows an organisation the cases it owns and those
 * shared with it, and of the timeline the shared entries plus its own internal ones.
 */
@Repository
public class CaseRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    CaseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case to insert. */
    public record NewCase(CaseId id, OrganisationId owner, String reference, CaseOrigin origin, String kind,
            UUID reportId, String reportReference, OrganisationId hospital, String hospitalName,
            OrganisationId manufacturer, String manufacturerName, OrganisationId representative,
            String deviceName, String summary, ComplaintSource complaintSource, String complainant,
            LocalDate receivedOn, UserId reporter, boolean reporterNameShared, String contactName) {
    }

    /**
     * A new case number, unique in the installation, e.g. {@code CASE-2026-00007} for the year of creation; locks
     * nothing (see db/migration/casework/V2__case_numbers_from_a_sequence.sql).
     */
    public String nextReference(int year, CaseOrigin origin) {
        long number = jdbc.sql("SELECT nextval('vigil_case_number')").query(Long.class).single();
        return (origin == CaseOrigin.COMPLAINT ? "CPL" : "CASE") + "-%d-%05d".formatted(year, number);
    }

    /** Inserts the case; {@code false} when a case for the same report exists already (a redelivered event). */
    /**
     * Stores a new case and answers it as stored; empty when the report already has its case. A case opened from a
     * report has heard from the hospital at that moment (its report), so its opening entry need not touch it again.
     */
    public Optional<CaseView> insert(NewCase c) {
        return jdbc.sql("""
                INSERT INTO vigil_case (id, org_id, reference, origin, kind, report_id, report_reference,
                       hospital_org_id, hospital_name, manufacturer_org_id, manufacturer_name, representative_org_id,
                       device_name, summary,
                       complaint_source, complainant, received_on, reporter_id, reporter_name_shared, contact_name, status,
                       last_hospital_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED',
                        CASE WHEN ? THEN clock_timestamp() END)
                ON CONFLICT (report_id) DO NOTHING
                RETURNING *
                """).params(c.id().value(), c.owner().value(), c.reference(), c.origin().name(), c.kind(),
                c.reportId(), c.reportReference(), uuid(c.hospital()), c.hospitalName(), uuid(c.manufacturer()),
                c.manufacturerName(), uuid(c.representative()), c.deviceName(),
                c.summary(), c.complaintSource() == null ? null : c.complaintSource().name(), c.complainant(),
                c.receivedOn(), c.reporter() == null ? null : c.reporter().value(), c.reporterNameShared(),
                c.contactName(), c.origin() == CaseOrigin.REPORT).query(this::view).optional();
    }

    public Optional<CaseView> find(CaseId id) {
        return jdbc.sql("SELECT * FROM vigil_case WHERE id = ?").param(id.value()).query(this::view).optional();
    }

    /** Locks the case row for a change, so two changes at once apply one after the other. */
    public Optional<CaseView> findForUpdate(CaseId id) {
        return jdbc.sql("SELECT * FROM vigil_case WHERE id = ? FOR UPDATE").param(id.value()).query(this::view)
                .optional();
    }

    public Optional<CaseView> findByReport(UUID reportId) {
        return jdbc.sql("SELECT * FROM vigil_case WHERE report_id = ?").param(reportId).query(this::view).optional();
    }

    /** The caller's cases matching {@code filter}, newest first. */
    public List<CaseView> list(CaseFilter filter, int limit) {
        var sql = new StringBuilder("SELECT * FROM vigil_case WHERE true");
        var params = new ArrayList<Object>();
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            params.add(filter.status().name());
        }
        if (filter.origin() != null) {
            sql.append(" AND origin = ?");
            params.add(filter.origin().name());
        }
        if (filter.kind() != null && !filter.kind().isBlank()) {
            sql.append(" AND kind = ?");
            params.add(filter.kind().strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (filter.assignee() != null) {
            sql.append(" AND assignee_id = ?");
            params.add(filter.assignee().value());
        }
        if (filter.unassigned()) {
            sql.append(" AND assignee_id IS NULL");
        }
        sql.append(" ORDER BY opened_at DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::view).list();
    }

    public void updateStatus(CaseId id, CaseStatus status) {
        jdbc.sql("""
                UPDATE vigil_case SET status = ?, updated_at = clock_timestamp(),
                       closed_at = CASE WHEN ? = 'CLOSED' THEN clock_timestamp() ELSE NULL END
                 WHERE id = ?
                """).params(status.name(), status.name(), id.value()).update();
    }

    public void updateInterimAdvice(CaseId id, InterimAdvice advice, String text, String by) {
        jdbc.sql("""
                UPDATE vigil_case SET interim_advice = ?, interim_advice_text = ?, interim_advice_at = clock_timestamp(),
                       interim_advice_by = ?, updated_at = clock_timestamp()
                 WHERE id = ?
                """).params(advice.name(), text, by, id.value()).update();
    }

    public void updateDeviceReturn(CaseId id, DeviceReturn state) {
        jdbc.sql("UPDATE vigil_case SET device_return = ?::jsonb, updated_at = clock_timestamp() WHERE id = ?")
                .params(JSON.writeValueAsString(DeviceReturnSteps.toMap(state)), id.value()).update();
    }

    public void updateAssignee(CaseId id, UserId assignee, String name) {
        jdbc.sql("UPDATE vigil_case SET assignee_id = ?, assignee_name = ?, updated_at = clock_timestamp() WHERE id = ?")
                .params(assignee == null ? null : assignee.value(), name, id.value()).update();
    }

    public void updateOutcome(CaseId id, String outcome, String rootCause) {
        jdbc.sql("UPDATE vigil_case SET outcome = ?, root_cause = ?, updated_at = clock_timestamp() WHERE id = ?")
                .params(outcome, rootCause, id.value()).update();
    }

    /** Appends an entry; a shared one also marks whose word on the case is the latest, for ageing. */
    /**
     * Adds an entry to the timeline; a shared entry from {@code side} marks when the case last heard from that side
     * (none given: the caller has already marked it).
     */
    public void append(UUID entryId, CaseId caseId, OrganisationId author, EntryKind kind, EntryVisibility visibility,
            String body, Map<String, String> details, UserId authorId, String authorName, CaseSide side) {
        jdbc.sql("""
                INSERT INTO case_entry (id, case_id, org_id, kind, visibility, body, details, author_id, author_name)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                """).params(entryId, caseId.value(), author.value(), kind.name(), visibility.name(), body,
                JSON.writeValueAsString(details == null ? Map.of() : details),
                authorId == null ? null : authorId.value(), authorName).update();
        if (visibility == EntryVisibility.SHARED && side != null) {
            String column = side == CaseSide.HOSPITAL ? "last_hospital_at" : "last_manufacturer_at";
            jdbc.sql("UPDATE vigil_case SET " + column + " = clock_timestamp(), updated_at = clock_timestamp() "
                    + "WHERE id = ?").param(caseId.value()).update();
        }
    }

    /** The entries of the case the caller may read, oldest first. */
    public List<TimelineEntry> timeline(CaseView of) {
        return jdbc.sql("SELECT * FROM case_entry WHERE case_id = ? ORDER BY at, id").param(of.id().value())
                .query((rs, row) -> {
                    var org = new OrganisationId(rs.getObject("org_id", UUID.class));
                    var side = org.equals(of.manufacturer()) && !org.equals(of.hospital()) ? CaseSide.MANUFACTURER
                            : of.origin() == CaseOrigin.COMPLAINT ? CaseSide.MANUFACTURER : CaseSide.HOSPITAL;
                    UUID author = rs.getObject("author_id", UUID.class);
                    return new TimelineEntry(rs.getObject("id", UUID.class), EntryKind.valueOf(rs.getString("kind")),
                            EntryVisibility.valueOf(rs.getString("visibility")), side, org,
                            author == null ? null : new UserId(author), rs.getString("author_name"),
                            rs.getString("body"), JSON.readValue(rs.getString("details"), STRING_MAP),
                            instant(rs, "at"));
                }).list();
    }

    private CaseView view(ResultSet rs, int row) throws SQLException {
        var deviceReturn = JSON.readValue(rs.getString("device_return"), STRING_MAP);
        UUID reporter = rs.getObject("assignee_id", UUID.class);
        String source = rs.getString("complaint_source");
        String advice = rs.getString("interim_advice");
        var received = rs.getObject("received_on", LocalDate.class);
        var stateDetails = new java.util.LinkedHashMap<>(deviceReturn);
        String state = stateDetails.remove("state");
        return new CaseView(new CaseId(rs.getObject("id", UUID.class)), rs.getString("reference"),
                CaseOrigin.valueOf(rs.getString("origin")), rs.getString("kind"), org(rs, "org_id"),
                rs.getObject("report_id", UUID.class), rs.getString("report_reference"), org(rs, "hospital_org_id"),
                rs.getString("hospital_name"), org(rs, "manufacturer_org_id"), rs.getString("manufacturer_name"),
                org(rs, "representative_org_id"), rs.getString("device_name"), rs.getString("summary"),
                source == null ? null : ComplaintSource.valueOf(source), rs.getString("complainant"), received,
                rs.getString("contact_name"), CaseStatus.valueOf(rs.getString("status")),
                advice == null ? null : InterimAdvice.valueOf(advice), rs.getString("interim_advice_text"),
                instant(rs, "interim_advice_at"), rs.getString("interim_advice_by"),
                new DeviceReturnView(state == null ? "NOT_REQUESTED" : state, stateDetails),
                reporter == null ? null : new UserId(reporter), rs.getString("assignee_name"),
                rs.getString("outcome"), rs.getString("root_cause"), instant(rs, "opened_at"),
                instant(rs, "updated_at"), instant(rs, "closed_at"), instant(rs, "last_hospital_at"),
                instant(rs, "last_manufacturer_at"));
    }

    /** The reporter of a case opened from a report, for notices to the hospital side. */
    public Optional<UserId> reporterOf(CaseId id) {
        return jdbc.sql("SELECT reporter_id FROM vigil_case WHERE id = ?").param(id.value()).query(UUID.class)
                .optional().map(UserId::new);
    }

    /** The reporter of a case whose report keeps the reporter's name from the manufacturer, if so. */
    public Optional<UserId> anonymousReporterOf(CaseId id) {
        return jdbc.sql("SELECT reporter_id FROM vigil_case WHERE id = ? AND NOT reporter_name_shared")
                .param(id.value()).query(UUID.class).optional().map(UserId::new);
    }

    /** The stored device-return state, for the next step. */
    public DeviceReturn deviceReturn(CaseView view) {
        var map = new java.util.HashMap<>(view.deviceReturn().details());
        map.put("state", view.deviceReturn().state());
        return DeviceReturnSteps.fromMap(map);
    }

    private static OrganisationId org(ResultSet rs, String column) throws SQLException {
        UUID value = rs.getObject(column, UUID.class);
        return value == null ? null : new OrganisationId(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static UUID uuid(OrganisationId id) {
        return id == null ? null : id.value();
    }
}

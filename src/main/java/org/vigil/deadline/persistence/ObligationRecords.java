package org.vigil.deadline.persistence;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.deadline.Authority;
import org.vigil.deadline.BoardFilter;
import org.vigil.deadline.Due;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.LegalSource;
import org.vigil.deadline.ObligationId;
import org.vigil.deadline.ObligationKind;
import org.vigil.deadline.ObligationState;
import org.vigil.deadline.ObligationView;
import org.vigil.deadline.Recipient;
import org.vigil.deadline.domain.ReminderKind;
import org.vigil.deadline.domain.ReminderRecipients;
import org.vigil.organisation.ElectronicSignature;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/**
 * Obligations and their reminders in PostgreSQL. Row-level security limits both to the duty holder; the sweep finds
 * what fell due across organisations only through the functions of db/migration/deadline/V1.
 */
@Repository
public class ObligationRecords {

    private static final String COLUMNS = """
            id, org_id, case_id, case_reference, device_name, rule_id, pack_id, pack_version, citation, source_url,
            rule_note, obligation_kind, jurisdiction, authority, recipient_country, via, recipient_reason, trigger_key,
            clock_start, due_kind, due_date, due_zone, due_at, state, state_reason, state_changed_at, responsible_id,
            responsible_name, waiver_signer_id, waiver_printed_name, waiver_signed_at, waiver_meaning,
            waiver_content_hash, submission_reference""";

    private final JdbcClient jdbc;

    ObligationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored obligation and what, besides its rule and recipient, identifies it: the event of an event rule. */
    public record Stored(ObligationView view, String triggerKey) {
    }

    public void insert(ObligationView o, String triggerKey, String changedBy, Instant now) {
        DueColumns due = DueColumns.of(o.due());
        jdbc.sql("INSERT INTO obligation (" + COLUMNS + """
                , state_changed_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        ?, ?, ?, ?)
                """).params(o.id().value(), o.organisation().value(), o.caseId(), o.caseReference(), o.deviceName(),
                o.ruleId(), o.packId(), o.packVersion(), o.source().citation(), o.source().url().toString(),
                o.ruleNote(), o.kind().name(), o.recipient().jurisdiction().name(), o.recipient().authority().name(),
                o.recipient().country(), o.recipient().via(), o.recipient().reason(), triggerKey, ts(o.clockStart()),
                due.kind(), due.date(), due.zone(), ts(due.at()), o.state().name(), o.stateReason(),
                ts(o.stateChangedAt()), o.responsible() == null ? null : o.responsible().value(), o.responsibleName(),
                signer(o.waiver()), o.waiver() == null ? null : o.waiver().printedName(),
                o.waiver() == null ? null : ts(o.waiver().signedAt()), o.waiver() == null ? null : o.waiver().meaning(),
                o.waiver() == null ? null : o.waiver().contentHash(), o.submissionReference(), changedBy, ts(now),
                ts(now)).update();
    }

    /** Writes everything of {@code o} that may change: what recomputation, submission, waiver and reassignment set. */
    public void update(ObligationView o, String changedBy, Instant now) {
        DueColumns due = DueColumns.of(o.due());
        jdbc.sql("""
                UPDATE obligation SET case_reference = ?, device_name = ?, pack_id = ?, pack_version = ?, citation = ?,
                       source_url = ?, rule_note = ?, obligation_kind = ?, via = ?, recipient_reason = ?,
                       clock_start = ?, due_kind = ?, due_date = ?, due_zone = ?, due_at = ?, state = ?,
                       state_reason = ?, state_changed_at = ?, state_changed_by = ?, responsible_id = ?,
                       responsible_name = ?, waiver_signer_id = ?, waiver_printed_name = ?, waiver_signed_at = ?,
                       waiver_meaning = ?, waiver_content_hash = ?, submission_reference = ?,
                       submitted_at = CASE WHEN ? = 'SUBMITTED' THEN coalesce(submitted_at, ?) END, updated_at = ?
                 WHERE id = ?
                """).params(o.caseReference(), o.deviceName(), o.packId(), o.packVersion(), o.source().citation(),
                o.source().url().toString(), o.ruleNote(), o.kind().name(), o.recipient().via(),
                o.recipient().reason(), ts(o.clockStart()), due.kind(), due.date(), due.zone(), ts(due.at()),
                o.state().name(), o.stateReason(), ts(o.stateChangedAt()), changedBy,
                o.responsible() == null ? null : o.responsible().value(), o.responsibleName(), signer(o.waiver()),
                o.waiver() == null ? null : o.waiver().printedName(),
                o.waiver() == null ? null : ts(o.waiver().signedAt()), o.waiver() == null ? null : o.waiver().meaning(),
                o.waiver() == null ? null : o.waiver().contentHash(), o.submissionReference(), o.state().name(),
                ts(o.stateChangedAt()), ts(now), o.id().value()).update();
    }

    public List<Stored> forCase(UUID caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM obligation WHERE case_id = ? ORDER BY due_at NULLS LAST, rule_id, id")
                .param(caseId).query(ObligationRecords::stored).list();
    }

    public Optional<Stored> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM obligation WHERE id = ?").param(id)
                .query(ObligationRecords::stored).optional();
    }

    /** The obligation, locked until the end of the transaction, so that two changes to it never interleave. */
    public Optional<Stored> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM obligation WHERE id = ? FOR UPDATE").param(id)
                .query(ObligationRecords::stored).optional();
    }

    /** The organisation's pending obligations, by due time, undated last. */
    public List<ObligationView> pending(OrganisationId organisation, BoardFilter filter) {
        var sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM obligation WHERE org_id = ? AND state IN ('OPEN', 'OVERDUE')");
        var params = new ArrayList<Object>();
        params.add(organisation.value());
        if (filter.jurisdiction() != null) {
            sql.append(" AND jurisdiction = ?");
            params.add(filter.jurisdiction().name());
        }
        if (filter.device() != null) {
            sql.append(" AND (strpos(lower(coalesce(device_name, '')), lower(?)) > 0"
                    + " OR strpos(lower(case_reference), lower(?)) > 0)");
            params.add(filter.device());
            params.add(filter.device());
        }
        if (filter.responsible() != null) {
            sql.append(" AND responsible_id = ?");
            params.add(filter.responsible().value());
        }
        sql.append(" ORDER BY due_at NULLS LAST, case_reference, rule_id, id");
        return jdbc.sql(sql.toString()).params(params).query(ObligationRecords::stored).list().stream()
                .map(Stored::view).toList();
    }

    /** Marks an open obligation overdue at {@code now} if its due time has passed; answers whether it did. */
    public boolean markOverdue(UUID id, Instant now, String changedBy) {
        return jdbc.sql("""
                UPDATE obligation SET state = 'OVERDUE', state_reason = 'Its due time passed', state_changed_at = ?,
                       state_changed_by = ?, updated_at = ?
                 WHERE id = ? AND state = 'OPEN' AND due_at <= ?
                """).params(ts(now), changedBy, ts(now), id, ts(now)).update() == 1;
    }

    /** An obligation id and its duty holder, as the sweep finds it across organisations. */
    public record FallingDue(UUID id, OrganisationId organisation) {
    }

    /** Open obligations whose due time has passed at {@code now}, across organisations. */
    public List<FallingDue> fallingDue(Instant now, int limit) {
        return jdbc.sql("SELECT id, org_id FROM obligation_falling_due(?, ?)").params(ts(now), limit)
                .query((rs, n) -> new FallingDue(rs.getObject("id", UUID.class),
                        new OrganisationId(rs.getObject("org_id", UUID.class)))).list();
    }

    // Reminders

    /** One reminder of an obligation. {@code step}: minutes before the due time, or the day overdue. */
    public record Reminder(UUID id, UUID obligationId, OrganisationId organisation, Instant fireAt, ReminderKind kind,
            Integer step, ReminderRecipients recipients, String reason, Instant dueAt, Instant sentAt, String outcome,
            Integer notified) {
    }

    public UUID insertReminder(UUID obligationId, OrganisationId organisation, Instant fireAt, ReminderKind kind,
            Integer step, String reason, Instant dueAt, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO obligation_reminder (id, obligation_id, org_id, fire_at, kind, step, recipients, reason,
                                                 due_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, obligationId, organisation.value(), ts(fireAt), kind.name(), step,
                kind.recipients().name(), reason, ts(dueAt), ts(now)).update();
        return id;
    }

    /** Removes the reminders not yet sent, except escalations when {@code keepEscalations}. */
    public int deleteUnsentReminders(UUID obligationId, boolean keepEscalations) {
        return jdbc.sql("DELETE FROM obligation_reminder WHERE obligation_id = ? AND sent_at IS NULL"
                + (keepEscalations ? " AND kind <> 'ESCALATION'" : "")).param(obligationId).update();
    }

    public List<Reminder> reminders(UUID obligationId) {
        return jdbc.sql("SELECT * FROM obligation_reminder WHERE obligation_id = ? ORDER BY fire_at, created_at, id")
                .param(obligationId).query(ObligationRecords::reminder).list();
    }

    /**
     * Claims one unsent reminder for the rest of the transaction ({@code FOR UPDATE SKIP LOCKED}): empty when it was
     * sent meanwhile or another sweeper holds it.
     */
    public Optional<Reminder> claim(UUID id) {
        return jdbc.sql("SELECT * FROM obligation_reminder WHERE id = ? AND sent_at IS NULL FOR UPDATE SKIP LOCKED")
                .param(id).query(ObligationRecords::reminder).optional();
    }

    public void markSent(UUID id, Instant at, boolean sent, int notified) {
        jdbc.sql("UPDATE obligation_reminder SET sent_at = ?, outcome = ?, notified = ? WHERE id = ? AND sent_at IS NULL")
                .params(ts(at), sent ? "SENT" : "SKIPPED", notified, id).update();
    }

    /** A reminder id and its organisation, as the sweep finds it across organisations. */
    public record DueReminder(UUID id, OrganisationId organisation) {
    }

    /** Unsent reminders due at {@code now}, across organisations, oldest first; skips those another sweeper holds. */
    public List<DueReminder> dueReminders(Instant now, int limit) {
        return jdbc.sql("SELECT id, org_id FROM obligation_reminder_claim(?, ?)").params(ts(now), limit)
                .query((rs, n) -> new DueReminder(rs.getObject("id", UUID.class),
                        new OrganisationId(rs.getObject("org_id", UUID.class)))).list();
    }

    /** How many reminders wait past their time, across organisations, and since when the oldest waits. */
    public record Backlog(long waiting, Instant oldest) {
    }

    public Backlog backlog(Instant now) {
        return jdbc.sql("SELECT waiting, oldest FROM obligation_reminder_backlog(?)").param(ts(now))
                .query((rs, n) -> new Backlog(rs.getLong("waiting"), instant(rs, "oldest"))).single();
    }

    // Mapping

    private record DueColumns(String kind, java.time.LocalDate date, String zone, Instant at) {

        static DueColumns of(Due due) {
            return switch (due) {
                case Due.By by -> new DueColumns("BY", by.date(), by.zone().getId(), by.end());
                case Due.BeforeUndertaken before -> new DueColumns("BEFORE_UNDERTAKEN", null, null,
                        before.plannedStart());
                case Due.WithoutDelay now -> new DueColumns("WITHOUT_DELAY", null, null, now.since());
            };
        }
    }

    static Stored stored(ResultSet rs, int row) throws SQLException {
        Instant dueAt = instant(rs, "due_at");
        Due due = switch (rs.getString("due_kind")) {
            case "BY" -> new Due.By(rs.getObject("due_date", java.time.LocalDate.class),
                    ZoneId.of(rs.getString("due_zone")), dueAt);
            case "BEFORE_UNDERTAKEN" -> new Due.BeforeUndertaken(dueAt);
            default -> new Due.WithoutDelay(dueAt);
        };
        UUID responsible = rs.getObject("responsible_id", UUID.class);
        UUID signer = rs.getObject("waiver_signer_id", UUID.class);
        var waiver = signer == null ? null : new ElectronicSignature(new UserId(signer),
                rs.getString("waiver_printed_name"), instant(rs, "waiver_signed_at"), rs.getString("waiver_meaning"),
                rs.getString("waiver_content_hash"));
        var view = new ObligationView(new ObligationId(rs.getObject("id", UUID.class)),
                rs.getObject("case_id", UUID.class), rs.getString("case_reference"), rs.getString("device_name"),
                new OrganisationId(rs.getObject("org_id", UUID.class)), rs.getString("rule_id"),
                rs.getString("pack_id"), rs.getInt("pack_version"),
                new LegalSource(rs.getString("citation"), URI.create(rs.getString("source_url"))),
                rs.getString("rule_note"), ObligationKind.valueOf(rs.getString("obligation_kind")),
                new Recipient(Jurisdiction.valueOf(rs.getString("jurisdiction")),
                        Authority.valueOf(rs.getString("authority")), rs.getString("recipient_country"),
                        rs.getString("via"), rs.getString("recipient_reason")),
                instant(rs, "clock_start"), due, ObligationState.valueOf(rs.getString("state")),
                responsible == null ? null : new UserId(responsible), rs.getString("responsible_name"),
                rs.getString("state_reason"), instant(rs, "state_changed_at"), waiver,
                rs.getString("submission_reference"));
        return new Stored(view, rs.getString("trigger_key"));
    }

    static Reminder reminder(ResultSet rs, int row) throws SQLException {
        int step = rs.getInt("step");
        Integer stepValue = rs.wasNull() ? null : step;
        int notified = rs.getInt("notified");
        Integer notifiedValue = rs.wasNull() ? null : notified;
        return new Reminder(rs.getObject("id", UUID.class), rs.getObject("obligation_id", UUID.class),
                new OrganisationId(rs.getObject("org_id", UUID.class)), instant(rs, "fire_at"),
                ReminderKind.valueOf(rs.getString("kind")), stepValue,
                ReminderRecipients.valueOf(rs.getString("recipients")), rs.getString("reason"),
                instant(rs, "due_at"), instant(rs, "sent_at"), rs.getString("outcome"), notifiedValue);
    }

    private static UUID signer(ElectronicSignature waiver) {
        return waiver == null ? null : waiver.signer().value();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

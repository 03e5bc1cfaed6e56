package org.vigil.reportability.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.casework.CaseId;
import org.vigil.deadline.Classification;
import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.EventKind;
import org.vigil.deadline.Jurisdiction;
import org.vigil.organisation.ElectronicSignature;
import org.vigil.reportability.Causality;
import org.vigil.reportability.Conclusion;
import org.vigil.reportability.RecordedEvent;
import org.vigil.reportability.ReportabilityDecision;
import org.vigil.reportability.SeriousOutcome;
import org.vigil.reportability.UseContext;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/** Stores reportability decisions; row-level security limits every statement to the caller's organisation. */
@Repository
public class DecisionRecords {

    private static final String COLUMNS = """
            id, case_id, version, is_incident, serious_outcomes, public_health_threat, deterioration_anticipated,
            causality, expected_side_effect, use_context, conclusion, classification, rationale, incident_awareness,
            incident_awareness_zone, reportability_awareness, reportability_awareness_zone,
            late_awareness_explanation, incident_country, device_kind, markets, manufacturer_zone, change_reason,
            signer_id, signer_name, signed_at, signature_meaning, content_sha256""";

    private final JdbcClient jdbc;

    DecisionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case's decisions, the one in force first. */
    public List<ReportabilityDecision> history(CaseId caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reportability_decision WHERE case_id = ? ORDER BY version DESC")
                .param(caseId.value()).query(DecisionRecords::decision).list();
    }

    public Optional<ReportabilityDecision> current(CaseId caseId) {
        return jdbc.sql("SELECT " + COLUMNS
                + " FROM reportability_decision WHERE case_id = ? ORDER BY version DESC LIMIT 1")
                .param(caseId.value()).query(DecisionRecords::decision).optional();
    }

    /** Serialises decisions on one case, so two officers signing at once get versions n and n + 1, not a clash. */
    public void lockCase(CaseId caseId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('reportability:' || ?::text, 0))")
                .param(caseId.value()).query().singleRow();
    }

    public void insert(OrganisationId organisation, ReportabilityDecision d) {
        jdbc.sql("INSERT INTO reportability_decision (org_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?)")
                .params(organisation.value(), d.id(), d.caseId().value(), d.version(), d.incident(),
                        d.seriousOutcomes().stream().map(Enum::name).sorted().toArray(String[]::new),
                        d.publicHealthThreat(), d.deteriorationAnticipated(), name(d.causality()),
                        d.expectedSideEffect(), name(d.useContext()), d.conclusion().name(),
                        name(d.classification()), d.rationale(), Timestamp.from(d.incidentAwareness()),
                        d.incidentAwarenessZone().getId(), Timestamp.from(d.reportabilityAwareness()),
                        d.reportabilityAwarenessZone().getId(), d.lateAwarenessExplanation(), d.incidentCountry(),
                        d.deviceKind().name(), d.markets().stream().map(Enum::name).sorted().toArray(String[]::new),
                        d.manufacturerZone().getId(), d.changeReason(), d.signature().signer().value(),
                        d.signature().printedName(), Timestamp.from(d.signature().signedAt()), d.signature().meaning(),
                        d.signature().contentHash())
                .update();
    }

    /** The caller's organisation's events on the case, in the order they happened. */
    public List<RecordedEvent> events(CaseId caseId) {
        return jdbc.sql("""
                SELECT id, case_id, kind, happened_at, zone, set_date, note, recorded_by_name, recorded_at
                  FROM reportability_event WHERE case_id = ? ORDER BY happened_at, recorded_at""")
                .param(caseId.value())
                .query((rs, row) -> new RecordedEvent(rs.getObject("id", UUID.class),
                        new CaseId(rs.getObject("case_id", UUID.class)), EventKind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("happened_at").toInstant(), ZoneId.of(rs.getString("zone")),
                        rs.getObject("set_date", LocalDate.class), rs.getString("note"),
                        rs.getString("recorded_by_name"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    public void insertEvent(OrganisationId organisation, RecordedEvent event, UserId recordedBy) {
        jdbc.sql("""
                INSERT INTO reportability_event (id, org_id, case_id, kind, happened_at, zone, set_date, note,
                                                 recorded_by, recorded_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.id(), organisation.value(), event.caseId().value(), event.kind().name(),
                        Timestamp.from(event.at()), event.zone().getId(), event.setDate(), event.note(),
                        recordedBy.value(), event.recordedByName())
                .update();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static ReportabilityDecision decision(ResultSet rs, int row) throws SQLException {
        var outcomes = EnumSet.noneOf(SeriousOutcome.class);
        texts(rs.getArray("serious_outcomes")).forEach(name -> outcomes.add(SeriousOutcome.valueOf(name)));
        var markets = EnumSet.noneOf(Jurisdiction.class);
        texts(rs.getArray("markets")).forEach(name -> markets.add(Jurisdiction.valueOf(name)));
        String causality = rs.getString("causality");
        String useContext = rs.getString("use_context");
        String classification = rs.getString("classification");
        var signature = new ElectronicSignature(new UserId(rs.getObject("signer_id", UUID.class)),
                rs.getString("signer_name"), rs.getTimestamp("signed_at").toInstant(),
                rs.getString("signature_meaning"), rs.getString("content_sha256"));
        return new ReportabilityDecision(rs.getObject("id", UUID.class),
                new CaseId(rs.getObject("case_id", UUID.class)), rs.getInt("version"), rs.getBoolean("is_incident"),
                outcomes, rs.getBoolean("public_health_threat"), rs.getBoolean("deterioration_anticipated"),
                causality == null ? null : Causality.valueOf(causality), rs.getBoolean("expected_side_effect"),
                useContext == null ? null : UseContext.valueOf(useContext),
                Conclusion.valueOf(rs.getString("conclusion")),
                classification == null ? null : Classification.valueOf(classification), rs.getString("rationale"),
                rs.getTimestamp("incident_awareness").toInstant(), ZoneId.of(rs.getString("incident_awareness_zone")),
                rs.getTimestamp("reportability_awareness").toInstant(),
                ZoneId.of(rs.getString("reportability_awareness_zone")),
                rs.getString("late_awareness_explanation"), rs.getString("incident_country"),
                DeviceKind.valueOf(rs.getString("device_kind")), markets, ZoneId.of(rs.getString("manufacturer_zone")),
                rs.getString("change_reason"), signature);
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

}

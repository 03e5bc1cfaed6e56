-- The clock service (MDR Art. 87, IVDR Art. 82, MedDO Art. 66, GB SI 2024/1368, 21 CFR 803): every reporting
-- obligation a case creates, stored with its due time and state, and the reminders that make sure nobody misses it.
-- An obligation belongs to its duty holder (org_id: the manufacturer, or the US user facility under 803.30).

CREATE TABLE obligation (
    id                   uuid PRIMARY KEY,
    org_id               uuid        NOT NULL,
    case_id              uuid        NOT NULL,
    case_reference       text        NOT NULL,
    device_name          text,
    rule_id              text        NOT NULL,
    pack_id              text        NOT NULL,
    pack_version         integer     NOT NULL,
    citation             text        NOT NULL,
    source_url           text        NOT NULL,
    rule_note            text        NOT NULL,
    obligation_kind      text        NOT NULL,
    jurisdiction         text        NOT NULL,
    authority            text        NOT NULL,
    recipient_country    text        NOT NULL,
    via                  text,
    recipient_reason     text        NOT NULL,
    -- What set off an event rule ("FSCA@2026-03-29T08:15:00Z"); empty for rules triggered by the classification,
    -- so that a reclassification that keeps the rule keeps the obligation.
    trigger_key          text        NOT NULL,
    clock_start          timestamptz NOT NULL,
    due_kind             text        NOT NULL CHECK (due_kind IN ('BY', 'BEFORE_UNDERTAKEN', 'WITHOUT_DELAY')),
    due_date             date,
    due_zone             text,
    due_at               timestamptz,
    state                text        NOT NULL CHECK (state IN ('OPEN', 'OVERDUE', 'SUBMITTED', 'WAIVED', 'WITHDRAWN')),
    state_reason         text,
    state_changed_at     timestamptz NOT NULL,
    state_changed_by     text        NOT NULL,
    responsible_id       uuid,
    responsible_name     text,
    waiver_signer_id     uuid,
    waiver_printed_name  text,
    waiver_signed_at     timestamptz,
    waiver_meaning       text,
    waiver_content_hash  text,
    submission_reference text,
    submitted_at         timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    -- What identifies an obligation, so that recomputing a case updates it instead of adding a second one: the case,
    -- the rule (across pack versions), who receives it, and for event rules the event that triggered it.
    CONSTRAINT obligation_identity UNIQUE (org_id, case_id, rule_id, jurisdiction, authority, recipient_country,
        trigger_key),
    -- Every obligation has a due time, except one due before an action whose start is not yet planned (Art. 87(8)).
    CONSTRAINT obligation_due_time CHECK (due_at IS NOT NULL OR due_kind = 'BEFORE_UNDERTAKEN'),
    CONSTRAINT obligation_due_by_date CHECK (due_kind <> 'BY' OR (due_date IS NOT NULL AND due_zone IS NOT NULL)),
    CONSTRAINT obligation_waiver_signed CHECK (state <> 'WAIVED'
        OR (waiver_signer_id IS NOT NULL AND waiver_content_hash IS NOT NULL AND state_reason IS NOT NULL)),
    CONSTRAINT obligation_submission CHECK (state <> 'SUBMITTED' OR submitted_at IS NOT NULL)
);
-- The board: an organisation's pending obligations by due time.
CREATE INDEX obligation_board ON obligation (org_id, due_at) WHERE state IN ('OPEN', 'OVERDUE');
CREATE INDEX obligation_by_case ON obligation (case_id);
-- The sweep: open obligations whose due time has passed, across organisations.
CREATE INDEX obligation_falling_due ON obligation (due_at) WHERE state = 'OPEN';
ALTER TABLE obligation ENABLE ROW LEVEL SECURITY;
ALTER TABLE obligation FORCE ROW LEVEL SECURITY;
CREATE POLICY obligation_owner ON obligation
    USING (org_id = vigil_current_org()) WITH CHECK (org_id = vigil_current_org());
-- The sweep lists, across organisations, what fell due, through the functions below and only through them.
CREATE POLICY obligation_sweep ON obligation FOR SELECT TO ${flyway:user} USING (true);
GRANT SELECT, INSERT, UPDATE ON obligation TO ${app_role};

-- Reminders: one row per message to send, written when the obligation is stored or its due time changes, so that a
-- reminder is never lost when Vigil is down and never sent twice (sent_at is set in the transaction that records it,
-- and the notice carries the reminder's id as its de-duplication key).
CREATE TABLE obligation_reminder (
    id            uuid PRIMARY KEY,
    obligation_id uuid        NOT NULL REFERENCES obligation (id),
    org_id        uuid        NOT NULL,
    fire_at       timestamptz NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('BEFORE', 'AT_DUE', 'OVERDUE', 'ESCALATION')),
    -- BEFORE: minutes before the due time; OVERDUE: the day overdue (1, 2, …).
    step          integer,
    recipients    text        NOT NULL CHECK (recipients IN ('RESPONSIBLE', 'RESPONSIBLE_AND_PRRC')),
    reason        text,
    due_at        timestamptz,
    sent_at       timestamptz,
    outcome       text CHECK (outcome IN ('SENT', 'SKIPPED')),
    notified      integer,
    created_at    timestamptz NOT NULL,
    CONSTRAINT obligation_reminder_sent CHECK ((sent_at IS NULL) = (outcome IS NULL))
);
CREATE INDEX obligation_reminder_due ON obligation_reminder (fire_at) WHERE sent_at IS NULL;
CREATE INDEX obligation_reminder_by_obligation ON obligation_reminder (obligation_id);
ALTER TABLE obligation_reminder ENABLE ROW LEVEL SECURITY;
ALTER TABLE obligation_reminder FORCE ROW LEVEL SECURITY;
CREATE POLICY obligation_reminder_owner ON obligation_reminder
    USING (org_id = vigil_current_org()) WITH CHECK (org_id = vigil_current_org());
CREATE POLICY obligation_reminder_sweep ON obligation_reminder TO ${flyway:user} USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON obligation_reminder TO ${app_role};

-- The sweep works across organisations: these functions answer which reminders are due and which obligations fell
-- due, with their organisation, skipping reminders another sweeper holds (FOR UPDATE SKIP LOCKED, as
-- email_delivery_claim does). The work itself then happens acting for that organisation, under row-level security, in
-- one transaction per reminder that claims it again with FOR UPDATE SKIP LOCKED and holds it until sent_at is
-- committed: two sweepers never handle one reminder at once, and a sweeper that dies releases it unsent.
CREATE FUNCTION obligation_reminder_claim(p_now timestamptz, p_limit integer)
    RETURNS TABLE (id uuid, org_id uuid)
    LANGUAGE sql SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
        SELECT r.id, r.org_id FROM obligation_reminder r
         WHERE r.sent_at IS NULL AND r.fire_at <= p_now
         ORDER BY r.fire_at, r.id LIMIT p_limit FOR UPDATE SKIP LOCKED
    $$;

CREATE FUNCTION obligation_falling_due(p_now timestamptz, p_limit integer)
    RETURNS TABLE (id uuid, org_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
        SELECT o.id, o.org_id FROM obligation o
         WHERE o.state = 'OPEN' AND o.due_at <= p_now
         ORDER BY o.due_at, o.id LIMIT p_limit
    $$;

-- The oldest reminder that should have been sent and was not, across organisations, for the health check.
CREATE FUNCTION obligation_reminder_backlog(p_now timestamptz, OUT waiting bigint, OUT oldest timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
        SELECT count(*), min(fire_at) FROM obligation_reminder WHERE sent_at IS NULL AND fire_at <= p_now
    $$;

REVOKE ALL ON FUNCTION obligation_reminder_claim(timestamptz, integer), obligation_falling_due(timestamptz, integer),
    obligation_reminder_backlog(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION obligation_reminder_claim(timestamptz, integer),
    obligation_falling_due(timestamptz, integer), obligation_reminder_backlog(timestamptz) TO ${app_role};

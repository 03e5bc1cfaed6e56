-- The shared case (MDR Art. 87, 89): one timeline that the reporting hospital and the device's manufacturer both
-- read. A case opened from a hospital's report belongs to the hospital (org_id) and is shared (record_share, type
-- 'case') with the manufacturer, who works it: status, interim advice, device return, outcome. A complaint that the
-- manufacturer's staff enter (phone, e-mail, field service, literature) belongs to the manufacturer and is not shared.

CREATE TABLE vigil_case (
    id                    uuid PRIMARY KEY,
    org_id                uuid        NOT NULL,
    reference             text        NOT NULL,
    origin                text        NOT NULL CHECK (origin IN ('REPORT', 'COMPLAINT')),
    kind                  text        NOT NULL,
    report_id             uuid,
    report_reference      text,
    hospital_org_id       uuid,
    hospital_name         text,
    manufacturer_org_id   uuid,
    manufacturer_name     text,
    -- The manufacturer's authorised representative (MDR Art. 11) when the register names one that is in Vigil.
    representative_org_id uuid,
    device_name           text,
    summary               text,
    complaint_source      text CHECK (complaint_source IN ('PHONE', 'EMAIL', 'FIELD_SERVICE', 'LITERATURE', 'OTHER')),
    complainant           text,
    received_on           date,
    reporter_id           uuid,
    -- Whether the hospital lets the manufacturer see the reporter's name (default: the device-safety officer is the
    -- contact and the reporter's own entries show as the hospital's).
    reporter_name_shared  boolean     NOT NULL DEFAULT false,
    contact_name          text,
    status                text        NOT NULL CHECK (status IN ('RECEIVED', 'UNDER_INVESTIGATION',
                                          'MORE_INFORMATION_REQUESTED', 'DEVICE_REQUESTED', 'DEVICE_RECEIVED',
                                          'INVESTIGATION_CONCLUDED', 'CLOSED')),
    interim_advice        text CHECK (interim_advice IN ('CONTINUE_USE', 'QUARANTINE', 'STOP_USING')),
    interim_advice_text   text,
    interim_advice_at     timestamptz,
    interim_advice_by     text,
    device_return         jsonb       NOT NULL DEFAULT '{"state": "NOT_REQUESTED"}',
    assignee_id           uuid,
    assignee_name         text,
    outcome               text,
    root_cause            text,
    opened_at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    closed_at             timestamptz,
    last_hospital_at      timestamptz,
    last_manufacturer_at  timestamptz,
    CONSTRAINT vigil_case_reference_unique UNIQUE (org_id, reference),
    -- One case per report, whatever the number of times the submission event is delivered.
    CONSTRAINT vigil_case_one_per_report UNIQUE (report_id),
    CONSTRAINT vigil_case_report_has_report CHECK ((origin = 'REPORT') = (report_id IS NOT NULL)),
    CONSTRAINT vigil_case_complaint_source CHECK ((origin = 'COMPLAINT') = (complaint_source IS NOT NULL))
);
CREATE INDEX vigil_case_by_manufacturer ON vigil_case (manufacturer_org_id, status, opened_at DESC);
CREATE INDEX vigil_case_by_org ON vigil_case (org_id, opened_at DESC);
ALTER TABLE vigil_case ENABLE ROW LEVEL SECURITY;
ALTER TABLE vigil_case FORCE ROW LEVEL SECURITY;
CREATE POLICY vigil_case_owner ON vigil_case
    USING (org_id = vigil_current_org()) WITH CHECK (org_id = vigil_current_org());
CREATE POLICY vigil_case_shared_read ON vigil_case FOR SELECT
    USING (vigil_shared_with_current_org('case', id));
-- The manufacturer works the hospital's case; the column grants below limit what anyone may change.
CREATE POLICY vigil_case_shared_work ON vigil_case FOR UPDATE
    USING (vigil_shared_with_current_org('case', id)) WITH CHECK (vigil_shared_with_current_org('case', id));
GRANT SELECT, INSERT ON vigil_case TO ${app_role};
GRANT UPDATE (status, interim_advice, interim_advice_text, interim_advice_at, interim_advice_by, device_return,
              assignee_id, assignee_name, outcome, root_cause, updated_at, closed_at, last_hospital_at,
              last_manufacturer_at) ON vigil_case TO ${app_role};

CREATE TABLE vigil_case_counter (
    org_id  uuid    NOT NULL,
    year    integer NOT NULL,
    last    integer NOT NULL,
    PRIMARY KEY (org_id, year)
);
ALTER TABLE vigil_case_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE vigil_case_counter FORCE ROW LEVEL SECURITY;
CREATE POLICY vigil_case_counter_own ON vigil_case_counter
    USING (org_id = vigil_current_org()) WITH CHECK (org_id = vigil_current_org());
GRANT SELECT, INSERT, UPDATE ON vigil_case_counter TO ${app_role};

-- The timeline. org_id is the organisation of the author. SHARED entries are read by every organisation of the case;
-- INTERNAL entries only by the author's organisation: a hospital's internal note never reaches the manufacturer.
-- Entries are never changed or deleted.
CREATE TABLE case_entry (
    id           uuid PRIMARY KEY,
    case_id      uuid        NOT NULL REFERENCES vigil_case (id),
    org_id       uuid        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('OPENED', 'MESSAGE', 'STATUS', 'INTERIM_ADVICE', 'DEVICE_RETURN',
                                                      'OUTCOME', 'ASSIGNMENT', 'INTERNAL_NOTE')),
    visibility   text        NOT NULL CHECK (visibility IN ('SHARED', 'INTERNAL')),
    body         text        NOT NULL,
    details      jsonb       NOT NULL DEFAULT '{}',
    author_id    uuid,
    author_name  text        NOT NULL,
    at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT case_entry_internal_notes_stay_internal CHECK ((kind = 'INTERNAL_NOTE') = (visibility = 'INTERNAL')
                                                              OR kind = 'ASSIGNMENT')
);
CREATE INDEX case_entry_by_case ON case_entry (case_id, at);
ALTER TABLE case_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY case_entry_author_org ON case_entry FOR SELECT
    USING (org_id = vigil_current_org());
-- The sub-select is itself filtered by vigil_case's policies: only organisations of the case pass.
CREATE POLICY case_entry_shared ON case_entry FOR SELECT
    USING (visibility = 'SHARED' AND EXISTS (SELECT 1 FROM vigil_case c WHERE c.id = case_id));
CREATE POLICY case_entry_write ON case_entry FOR INSERT
    WITH CHECK (org_id = vigil_current_org() AND EXISTS (SELECT 1 FROM vigil_case c WHERE c.id = case_id));
GRANT SELECT, INSERT ON case_entry TO ${app_role};

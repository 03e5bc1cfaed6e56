-- Events on a case that start reporting clocks of their own (rule packs: FSCA decided, incomplete initial report with
-- the announced date of the complete one, follow-up or final report announced, periodic summary report agreed, trend
-- identified, authority asked for documents, supplemental information, remedial action needed, correction or removal
-- started; and a US user facility's own duties when it learns of a death or serious injury, 21 CFR 803.30). Recorded
-- by the side whose duty they start (org_id), never changed: a wrong event is corrected by recording what is right.

CREATE TABLE reportability_event (
    id             uuid PRIMARY KEY,
    org_id         uuid        NOT NULL,
    case_id        uuid        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('FSCA', 'INCOMPLETE_INITIAL_REPORT', 'FOLLOW_UP_ANNOUNCED',
                                   'FINAL_REPORT_ANNOUNCED', 'PERIODIC_SUMMARY_AGREED', 'TREND_IDENTIFIED',
                                   'AUTHORITY_DOCUMENT_REQUEST', 'SUPPLEMENTAL_INFORMATION', 'REMEDIAL_ACTION_NEEDED',
                                   'CORRECTION_OR_REMOVAL_STARTED', 'USER_FACILITY_DEATH',
                                   'USER_FACILITY_SERIOUS_INJURY')),
    happened_at    timestamptz NOT NULL,
    zone           text        NOT NULL,
    set_date       date,
    note           text,
    recorded_by    uuid        NOT NULL,
    recorded_by_name text      NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX reportability_event_by_case ON reportability_event (case_id, happened_at);
ALTER TABLE reportability_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE reportability_event FORCE ROW LEVEL SECURITY;
CREATE POLICY reportability_event_own ON reportability_event
    USING (org_id = vigil_current_org()) WITH CHECK (org_id = vigil_current_org());
GRANT SELECT, INSERT ON reportability_event TO ${app_role};

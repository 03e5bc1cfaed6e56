-- Incident reports from healthcare organisations (MDR Art. 87(10)-(11)), their attachments, and their copies to the
-- manufacturer and the competent authority. A report belongs to the hospital (org_id). Drafts stay inside the
-- hospital; a submitted report is shared (record_share, type 'incident-report') with the device's manufacturer, its
-- authorised representative and, when the hospital sends it, its competent authority, who read it but never change it.

CREATE TABLE incident_report (
    id                  uuid PRIMARY KEY,
    org_id              uuid        NOT NULL,
    reference           text        NOT NULL,
    kind                text        NOT NULL CHECK (kind IN ('INCIDENT', 'NEAR_MISS', 'CYBERSECURITY_EVENT')),
    status              text        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED')),
    content             jsonb       NOT NULL,
    version             integer     NOT NULL DEFAULT 0,
    reporter_id         uuid        NOT NULL,
    manufacturer_org_id uuid,
    authority_org_id    uuid,
    created_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    submitted_at        timestamptz,
    sent_to_authority_at timestamptz,
    CONSTRAINT incident_report_reference_unique UNIQUE (org_id, reference),
    CONSTRAINT incident_report_submitted_has_time CHECK ((status = 'SUBMITTED') = (submitted_at IS NOT NULL))
);
CREATE INDEX incident_report_by_org ON incident_report (org_id, status, updated_at DESC);
CREATE INDEX incident_report_by_manufacturer ON incident_report (manufacturer_org_id, submitted_at DESC)
    WHERE manufacturer_org_id IS NOT NULL;
ALTER TABLE incident_report ENABLE ROW LEVEL SECURITY;
ALTER TABLE incident_report FORCE ROW LEVEL SECURITY;
CREATE POLICY incident_report_hospital ON incident_report
    USING (org_id = vigil_current_org()) WITH CHECK (org_id = vigil_current_org());
-- Submitted reports only: a share can never expose a draft.
CREATE POLICY incident_report_shared ON incident_report FOR SELECT
    USING (status = 'SUBMITTED' AND vigil_shared_with_current_org('incident-report', id));
GRANT SELECT, INSERT ON incident_report TO ${app_role};
-- A submitted report's content is frozen by the application; the columns that change are listed.
GRANT UPDATE (kind, status, content, version, manufacturer_org_id, authority_org_id, updated_at, submitted_at,
              sent_to_authority_at) ON incident_report TO ${app_role};

-- Human-readable report numbers per hospital and year: IR-2026-00042.
CREATE TABLE incident_report_counter (
    org_id  uuid    NOT NULL,
    year    integer NOT NULL,
    last    integer NOT NULL,
    PRIMARY KEY (org_id, year)
);
ALTER TABLE incident_report_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE incident_report_counter FORCE ROW LEVEL SECURITY;
CREATE POLICY incident_report_counter_own ON incident_report_counter
    USING (org_id = vigil_current_org()) WITH CHECK (org_id = vigil_current_org());
GRANT SELECT, INSERT, UPDATE ON incident_report_counter TO ${app_role};

-- Photos, device logs and documents, checked and cleaned before they arrive here (AttachmentInspection), stored with
-- their SHA-256 so corruption or tampering is detectable (21 CFR 11.10(a)).
CREATE TABLE incident_attachment (
    id          uuid PRIMARY KEY,
    org_id      uuid        NOT NULL,
    report_id   uuid        NOT NULL REFERENCES incident_report (id),
    file_name   text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    media_type  text        NOT NULL,
    size_bytes  integer     NOT NULL CHECK (size_bytes > 0),
    sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content     bytea       NOT NULL,
    uploaded_by uuid        NOT NULL,
    uploaded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    removed_at  timestamptz,
    removed_by  uuid
);
CREATE INDEX incident_attachment_by_report ON incident_attachment (report_id);
ALTER TABLE incident_attachment ENABLE ROW LEVEL SECURITY;
ALTER TABLE incident_attachment FORCE ROW LEVEL SECURITY;
CREATE POLICY incident_attachment_hospital ON incident_attachment
    USING (org_id = vigil_current_org()) WITH CHECK (org_id = vigil_current_org());
CREATE POLICY incident_attachment_shared ON incident_attachment FOR SELECT
    USING (removed_at IS NULL AND EXISTS (SELECT 1 FROM incident_report r
                                           WHERE r.id = report_id AND r.status = 'SUBMITTED'
                                             AND vigil_shared_with_current_org('incident-report', r.id)));
GRANT SELECT, INSERT ON incident_attachment TO ${app_role};
GRANT UPDATE (removed_at, removed_by) ON incident_attachment TO ${app_role};

-- Manufacturer incident reports (MDR Art. 87, 89; IVDR Art. 82, 84; MIR form 7.3.1). A report belongs to the
-- manufacturer that writes it. Every saved state of a report is a version that is never changed or deleted
-- (21 CFR 11.10(e); EU GMP Annex 11 §9): the form XML of each version is kept byte for byte, so the approval
-- signature's hash of the exact bytes submitted stays checkable.

CREATE TABLE mir_report (
    id                 uuid PRIMARY KEY,
    org_id             uuid        NOT NULL,
    case_id            uuid        NOT NULL,
    case_reference     text        NOT NULL,
    sequence           integer     NOT NULL CHECK (sequence >= 1),
    report_type        text        NOT NULL CHECK (report_type IN ('INITIAL', 'FOLLOW_UP', 'INITIAL_AND_FINAL',
                                       'FINAL_REPORTABLE', 'FINAL_NON_REPORTABLE')),
    created_at         timestamptz NOT NULL,
    created_by         uuid        NOT NULL,
    created_by_name    text        NOT NULL,
    CONSTRAINT mir_report_sequence_unique UNIQUE (org_id, case_id, sequence)
);
CREATE INDEX mir_report_by_case ON mir_report (case_id, sequence);

CREATE TABLE mir_report_version (
    report_id          uuid        NOT NULL REFERENCES mir_report (id),
    org_id             uuid        NOT NULL,
    version            integer     NOT NULL CHECK (version >= 1),
    form_xml           bytea       NOT NULL,
    content_sha256     text        NOT NULL,
    origin             text        NOT NULL CHECK (origin IN ('PREFILLED', 'CONTINUED', 'EDITED', 'IMPORTED')),
    note               text,
    saved_by           uuid        NOT NULL,
    saved_by_name      text        NOT NULL,
    saved_at           timestamptz NOT NULL,
    PRIMARY KEY (report_id, version)
);

-- Approval for submission: an electronic signature over the SHA-256 of the version's form XML (21 CFR 11.50,
-- 11.70, 11.200). Approving a version again is refused by the key.
CREATE TABLE mir_approval (
    report_id          uuid        NOT NULL,
    version            integer     NOT NULL,
    org_id             uuid        NOT NULL,
    signer_id          uuid        NOT NULL,
    signer_name        text        NOT NULL,
    signed_at          timestamptz NOT NULL,
    signature_meaning  text        NOT NULL,
    content_sha256     text        NOT NULL,
    PRIMARY KEY (report_id, version),
    FOREIGN KEY (report_id, version) REFERENCES mir_report_version (report_id, version)
);

-- Each sending of an approved version to one authority, by one channel; the authority's reference and its
-- acknowledgement are added when they arrive.
CREATE TABLE mir_submission (
    id                    uuid PRIMARY KEY,
    report_id             uuid        NOT NULL,
    version               integer     NOT NULL,
    org_id                uuid        NOT NULL,
    authority             text        NOT NULL,
    authority_country     text        NOT NULL,
    channel               text        NOT NULL CHECK (channel IN ('EMAIL_PACKAGE', 'PORTAL_UPLOAD', 'EUDAMED',
                                          'FDA_ESG')),
    submitted_at          timestamptz NOT NULL,
    recorded_by           uuid        NOT NULL,
    recorded_by_name      text        NOT NULL,
    recorded_at           timestamptz NOT NULL,
    authority_reference   text,
    obligation_ids        uuid[]      NOT NULL,
    acknowledged_at       timestamptz,
    acknowledgement       text,
    acknowledged_by_name  text,
    FOREIGN KEY (report_id, version) REFERENCES mir_approval (report_id, version)
);
CREATE INDEX mir_submission_by_report ON mir_submission (report_id, submitted_at);

-- Four-eyes: where an organisation turns it on, the approver of a version must not be the person who saved it.
CREATE TABLE mir_policy (
    org_id             uuid PRIMARY KEY,
    four_eyes          boolean     NOT NULL,
    changed_by_name    text        NOT NULL,
    changed_at         timestamptz NOT NULL
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['mir_report', 'mir_report_version', 'mir_approval', 'mir_submission', 'mir_policy'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (org_id = vigil_current_org()) '
                       'WITH CHECK (org_id = vigil_current_org())', t || '_own', t);
    END LOOP;
END $$;

GRANT SELECT, INSERT ON mir_report, mir_report_version, mir_approval TO ${app_role};
GRANT SELECT, INSERT ON mir_submission TO ${app_role};
GRANT UPDATE (authority_reference, acknowledged_at, acknowledgement, acknowledged_by_name) ON mir_submission
    TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON mir_policy TO ${app_role};

-- Device imports: one row per uploaded file with its progress, and the per-row problems the person fixes in their file.
-- The device data itself is written by the register (V1) through its bulk operations; these tables only track jobs.

CREATE TABLE device_import (
    id              uuid PRIMARY KEY,
    org_id          uuid        NOT NULL,
    created_by      uuid,
    created_by_name text        NOT NULL,
    format          text        NOT NULL CHECK (format IN ('DEVICE_CSV', 'UNITS_PLACED_CSV', 'GUDID_XML', 'EUDAMED_XML')),
    file_name       text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    file_size       bigint      NOT NULL CHECK (file_size >= 0),
    status          text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    records         integer     NOT NULL DEFAULT 0,
    total           integer     NOT NULL DEFAULT 0,
    processed       integer     NOT NULL DEFAULT 0,
    stored          integer     NOT NULL DEFAULT 0,
    rejected        integer     NOT NULL DEFAULT 0,
    notices         integer     NOT NULL DEFAULT 0,
    failure         text,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    started_at      timestamptz,
    finished_at     timestamptz,
    CHECK (processed BETWEEN 0 AND total)
);
CREATE INDEX device_import_by_org ON device_import (org_id, created_at DESC);
ALTER TABLE device_import ENABLE ROW LEVEL SECURITY;
ALTER TABLE device_import FORCE ROW LEVEL SECURITY;
CREATE POLICY device_import_tenant ON device_import
    USING (org_id = vigil_current_org()) WITH CHECK (org_id = vigil_current_org());
GRANT SELECT, INSERT ON device_import TO ${app_role};
GRANT UPDATE (status, records, total, processed, stored, rejected, notices, failure, started_at, finished_at)
    ON device_import TO ${app_role};

CREATE TABLE device_import_problem (
    import_id  uuid    NOT NULL REFERENCES device_import (id),
    seq        integer NOT NULL,
    org_id     uuid    NOT NULL,
    row_number integer NOT NULL CHECK (row_number >= 0),
    field      text,
    message    text    NOT NULL,
    severity   text    NOT NULL CHECK (severity IN ('ERROR', 'NOTICE')),
    PRIMARY KEY (import_id, seq)
);
ALTER TABLE device_import_problem ENABLE ROW LEVEL SECURITY;
ALTER TABLE device_import_problem FORCE ROW LEVEL SECURITY;
CREATE POLICY device_import_problem_tenant ON device_import_problem
    USING (org_id = vigil_current_org()) WITH CHECK (org_id = vigil_current_org());
GRANT SELECT, INSERT ON device_import_problem TO ${app_role};

CREATE POLICY device_import_definer_functions ON device_import TO ${flyway:user} USING (true) WITH CHECK (true);

-- Imports that were queued or running when Vigil stopped never finish: their rows were stored in one transaction that
-- did not commit, so nothing of them was stored. Called once at start-up, across organisations, and only this.
CREATE FUNCTION device_import_interrupted() RETURNS integer
    LANGUAGE sql SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
        WITH failed AS (
            UPDATE device_import
               SET status = 'FAILED', finished_at = clock_timestamp(), processed = 0, stored = 0,
                   failure = 'Vigil stopped before the import finished; nothing of this file was stored. Upload it again.'
             WHERE status IN ('QUEUED', 'RUNNING')
            RETURNING 1)
        SELECT count(*)::integer FROM failed
    $$;
REVOKE ALL ON FUNCTION device_import_interrupted() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION device_import_interrupted() TO ${app_role};

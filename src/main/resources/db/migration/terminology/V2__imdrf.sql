-- IMDRF adverse-event terminology (IMDRF/AE WG N43, Annexes A-G) as versioned releases, and the FDA CDRH crosswalk.
-- Reference data shared by every organisation: no organisation column, readable by all; only loading a release (a
-- platform administrator's action, audited) writes it. Older releases are kept so that a code recorded years ago
-- still shows its term after IMDRF retired it.

CREATE TABLE imdrf_release (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    annex      char(1)     NOT NULL CHECK (annex BETWEEN 'A' AND 'G'),
    version    text        NOT NULL CHECK (length(version) BETWEEN 1 AND 40),
    source     text        NOT NULL,
    loaded_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    term_count integer     NOT NULL,
    UNIQUE (annex, version)
);

CREATE TABLE imdrf_term (
    release_id     bigint   NOT NULL REFERENCES imdrf_release (id),
    code           text     NOT NULL CHECK (code ~ '^[A-G][0-9]{2,}$'),
    term           text     NOT NULL,
    definition     text     NOT NULL,
    -- The first parent of the IMDRF CodeHierarchy; Annex E places some codes under further parents.
    parent_code    text,
    other_parents  text[]   NOT NULL DEFAULT '{}',
    level          smallint NOT NULL CHECK (level BETWEEN 1 AND 9),
    status         text     NOT NULL CHECK (status IN ('CURRENT', 'NOT_SELECTABLE', 'RETIRED')),
    status_note    text     NOT NULL DEFAULT '',
    non_imdrf_code text     NOT NULL DEFAULT '',
    PRIMARY KEY (release_id, code)
);
CREATE INDEX imdrf_term_code ON imdrf_term (code);
-- Word search for ad-hoc SQL; Vigil's own search runs on an in-memory index of the releases (see ImdrfIndex).
CREATE INDEX imdrf_term_words ON imdrf_term USING gin (lower(term) gin_trgm_ops);

CREATE TABLE imdrf_crosswalk_release (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source    text        NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    row_count integer     NOT NULL
);

CREATE TABLE imdrf_crosswalk (
    fda_code       text NOT NULL,
    imdrf_code     text NOT NULL CHECK (imdrf_code ~ '^[A-G][0-9]{2,}$'),
    fda_term       text NOT NULL,
    fda_definition text NOT NULL,
    ncit_code      text NOT NULL,
    subset         text NOT NULL,
    PRIMARY KEY (fda_code, imdrf_code)
);
CREATE INDEX imdrf_crosswalk_imdrf ON imdrf_crosswalk (imdrf_code);

GRANT SELECT, INSERT ON imdrf_release, imdrf_term, imdrf_crosswalk_release TO ${app_role};
GRANT SELECT, INSERT, DELETE ON imdrf_crosswalk TO ${app_role};

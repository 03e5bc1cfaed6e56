-- EMDN (European Medical Device Nomenclature). Reference data shared by every organisation: no organisation column,
-- readable by all; only loading a release (an administrator's action, audited) writes it.

-- Trigram matching makes type-ahead find words inside terms; pg_trgm is a trusted extension the database owner may
-- create.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA vigil;

CREATE TABLE emdn_release (
    version    text        PRIMARY KEY,
    loaded_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    source     text        NOT NULL,
    term_count integer     NOT NULL
);

CREATE TABLE emdn_term (
    code                 text     PRIMARY KEY CHECK (code ~ '^[A-Z]([0-9]{2}){0,6}$'),
    term                 text     NOT NULL,
    level                smallint NOT NULL CHECK (level BETWEEN 1 AND 7),
    terminal             boolean  NOT NULL,
    parent_code          text,
    category             text     NOT NULL,
    category_description text     NOT NULL,
    release              text     NOT NULL REFERENCES emdn_release (version)
);
CREATE INDEX emdn_term_parent ON emdn_term (parent_code, code);
CREATE INDEX emdn_term_words ON emdn_term USING gin (lower(term) gin_trgm_ops);

GRANT SELECT, INSERT, UPDATE, DELETE ON emdn_release, emdn_term TO ${app_role};

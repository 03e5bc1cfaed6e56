-- Tenant isolation primitives used by the row-level security policies of every module.
-- The transaction manager sets vigil.org_id, vigil.user_id and vigil.scope per transaction (set_config(..., true)).

GRANT USAGE ON SCHEMA vigil TO ${app_role};

CREATE FUNCTION vigil_current_org() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('vigil.org_id', true), '')::uuid $$;

CREATE FUNCTION vigil_current_user() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('vigil.user_id', true), '')::uuid $$;

-- Platform scope lets platform administrators administer organisations and users and check the audit chain.
-- Policies of vigilance records never consult it.
CREATE FUNCTION vigil_platform_scope() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT coalesce(current_setting('vigil.scope', true), '') = 'platform' $$;

-- A record of one organisation explicitly shared with another (for example a shared incident case).
CREATE TABLE record_share (
    id             uuid PRIMARY KEY,
    record_type    text        NOT NULL,
    record_id      uuid        NOT NULL,
    owner_org_id   uuid        NOT NULL,
    grantee_org_id uuid        NOT NULL,
    granted_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    granted_by     uuid,
    revoked_at     timestamptz,
    revoked_by     uuid,
    CONSTRAINT record_share_not_to_self CHECK (owner_org_id <> grantee_org_id)
);
CREATE UNIQUE INDEX record_share_active ON record_share (record_type, record_id, grantee_org_id)
    WHERE revoked_at IS NULL;
CREATE INDEX record_share_by_grantee ON record_share (grantee_org_id, record_type, record_id)
    WHERE revoked_at IS NULL;

ALTER TABLE record_share ENABLE ROW LEVEL SECURITY;
ALTER TABLE record_share FORCE ROW LEVEL SECURITY;
CREATE POLICY record_share_visible ON record_share FOR SELECT
    USING (owner_org_id = vigil_current_org() OR grantee_org_id = vigil_current_org() OR vigil_platform_scope());
CREATE POLICY record_share_granted_by_owner ON record_share FOR INSERT
    WITH CHECK (owner_org_id = vigil_current_org());
CREATE POLICY record_share_revoked_by_owner ON record_share FOR UPDATE
    USING (owner_org_id = vigil_current_org()) WITH CHECK (owner_org_id = vigil_current_org());
GRANT SELECT, INSERT ON record_share TO ${app_role};
GRANT UPDATE (revoked_at, revoked_by) ON record_share TO ${app_role};

-- Whether the given record has been shared with the acting organisation; for other modules' policies.
CREATE FUNCTION vigil_shared_with_current_org(p_record_type text, p_record_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT EXISTS (SELECT 1 FROM record_share s
                        WHERE s.record_type = p_record_type AND s.record_id = p_record_id
                          AND s.grantee_org_id = vigil_current_org() AND s.revoked_at IS NULL)
    $$;

-- Whether the record is part of an exchange with the acting organisation: shared with it now, or owned by it and
-- shared (now or earlier) with someone else. The audit trail uses it so both sides of a shared record read the
-- whole history, including the other side's entries.
CREATE FUNCTION vigil_record_exchanged_with_current_org(p_record_type text, p_record_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT EXISTS (SELECT 1 FROM record_share s
                        WHERE s.record_type = p_record_type AND s.record_id = p_record_id
                          AND ((s.grantee_org_id = vigil_current_org() AND s.revoked_at IS NULL)
                               OR s.owner_org_id = vigil_current_org()))
    $$;

-- Responses of creating API requests, replayed when a client repeats a request with the same Idempotency-Key.
CREATE TABLE idempotent_request (
    user_id             uuid        NOT NULL,
    idempotency_key     text        NOT NULL,
    org_id              uuid        NOT NULL,
    request_fingerprint bytea       NOT NULL,
    response_status     integer     NOT NULL, -- 0 while the first request is still being processed
    response_type       text,
    response_location   text,
    response_body       bytea       NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX idempotent_request_age ON idempotent_request (user_id, created_at);
ALTER TABLE idempotent_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotent_request FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotent_request_own ON idempotent_request
    USING (org_id = vigil_current_org() AND user_id = vigil_current_user())
    WITH CHECK (org_id = vigil_current_org() AND user_id = vigil_current_user());
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotent_request TO ${app_role};

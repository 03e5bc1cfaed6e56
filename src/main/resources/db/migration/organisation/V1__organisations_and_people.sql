-- Organisations, their people, roles, sign-in credentials, invitations and personal API tokens.

CREATE TABLE organisation (
    id         uuid PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN ('MANUFACTURER', 'AUTHORISED_REPRESENTATIVE',
                                                    'HEALTHCARE_ORGANISATION', 'COMPETENT_AUTHORITY',
                                                    'PLATFORM_OPERATOR')),
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    country    text        CHECK (country ~ '^[A-Z]{2}$'),
    srn        text        CHECK (srn ~ '^[A-Z]{2}-(MF|AR|IM|PR)-[0-9]{9}$'),
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE UNIQUE INDEX organisation_srn ON organisation (srn) WHERE srn IS NOT NULL;
CREATE UNIQUE INDEX organisation_name ON organisation (lower(name), kind);

-- The directory of organisations is readable by everyone signed in (a hospital must address a manufacturer);
-- only platform scope creates and edits organisations.
ALTER TABLE organisation ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisation FORCE ROW LEVEL SECURITY;
CREATE POLICY organisation_directory ON organisation FOR SELECT USING (true);
CREATE POLICY organisation_created_by_platform ON organisation FOR INSERT WITH CHECK (vigil_platform_scope());
CREATE POLICY organisation_edited_by_platform ON organisation FOR UPDATE
    USING (vigil_platform_scope()) WITH CHECK (vigil_platform_scope());
GRANT SELECT, INSERT ON organisation TO ${app_role};
GRANT UPDATE (name, country, srn) ON organisation TO ${app_role};

-- People. Never deleted; their ids are never reused.
CREATE TABLE user_account (
    id             uuid PRIMARY KEY,
    org_id         uuid        NOT NULL REFERENCES organisation (id),
    email          text        NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    display_name   text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    status         text        NOT NULL CHECK (status IN ('INVITED', 'ACTIVE', 'DEACTIVATED')),
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    activated_at   timestamptz,
    deactivated_at timestamptz
);
CREATE UNIQUE INDEX user_account_email ON user_account (email);
CREATE INDEX user_account_by_org ON user_account (org_id, display_name);

CREATE FUNCTION user_account_refuse_delete() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'Users are never deleted; deactivate them instead'; END $$;
CREATE TRIGGER user_account_never_deleted BEFORE DELETE ON user_account
    FOR EACH ROW EXECUTE FUNCTION user_account_refuse_delete();

ALTER TABLE user_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_account FORCE ROW LEVEL SECURITY;
CREATE POLICY user_account_tenant ON user_account
    USING (org_id = vigil_current_org() OR vigil_platform_scope())
    WITH CHECK (org_id = vigil_current_org() OR vigil_platform_scope());
GRANT SELECT, INSERT ON user_account TO ${app_role};
GRANT UPDATE (display_name, status, activated_at, deactivated_at) ON user_account TO ${app_role};

CREATE TABLE user_role (
    user_id    uuid        NOT NULL REFERENCES user_account (id),
    org_id     uuid        NOT NULL,
    role       text        NOT NULL,
    granted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    granted_by uuid,
    PRIMARY KEY (user_id, role)
);
CREATE INDEX user_role_by_org ON user_role (org_id, role);
ALTER TABLE user_role ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_role FORCE ROW LEVEL SECURITY;
CREATE POLICY user_role_tenant ON user_role
    USING (org_id = vigil_current_org() OR vigil_platform_scope())
    WITH CHECK (org_id = vigil_current_org() OR vigil_platform_scope());
GRANT SELECT, INSERT, DELETE ON user_role TO ${app_role};

-- Secrets. The application role has no privilege on these columns at all: it reaches them only through the
-- SECURITY DEFINER functions below, each of which does one narrow thing.
CREATE TABLE user_credential (
    user_id             uuid PRIMARY KEY REFERENCES user_account (id),
    org_id              uuid        NOT NULL,
    password_hash       text,
    failed_attempts     integer     NOT NULL DEFAULT 0,
    locked_until        timestamptz,
    password_changed_at timestamptz
);
ALTER TABLE user_credential ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_credential FORCE ROW LEVEL SECURITY;
CREATE POLICY user_credential_definer_functions ON user_credential TO ${flyway:user} USING (true) WITH CHECK (true);

-- The definer functions read people across organisations (sign-in happens before anyone is known).
CREATE POLICY user_account_definer_functions ON user_account FOR SELECT TO ${flyway:user} USING (true);
CREATE POLICY user_account_definer_activation ON user_account FOR UPDATE TO ${flyway:user}
    USING (true) WITH CHECK (true);
CREATE POLICY organisation_definer_functions ON organisation FOR SELECT TO ${flyway:user} USING (true);

CREATE TABLE invitation (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES user_account (id),
    org_id      uuid        NOT NULL,
    purpose     text        NOT NULL CHECK (purpose IN ('INVITATION', 'PASSWORD_RESET')),
    token_hash  bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    created_by  uuid,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    withdrawn_at timestamptz
);
CREATE INDEX invitation_by_user ON invitation (user_id);
ALTER TABLE invitation ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitation FORCE ROW LEVEL SECURITY;
CREATE POLICY invitation_tenant ON invitation
    USING (org_id = vigil_current_org() OR vigil_platform_scope())
    WITH CHECK (org_id = vigil_current_org() OR vigil_platform_scope());
CREATE POLICY invitation_definer_functions ON invitation TO ${flyway:user} USING (true) WITH CHECK (true);
GRANT SELECT, INSERT ON invitation TO ${app_role};
GRANT UPDATE (withdrawn_at) ON invitation TO ${app_role};

CREATE TABLE api_token (
    id           uuid PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES user_account (id),
    org_id       uuid        NOT NULL,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash   bytea       NOT NULL UNIQUE,
    token_prefix text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_by_user ON api_token (user_id);
ALTER TABLE api_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_token FORCE ROW LEVEL SECURITY;
CREATE POLICY api_token_tenant ON api_token
    USING (org_id = vigil_current_org() OR vigil_platform_scope())
    WITH CHECK (org_id = vigil_current_org() OR vigil_platform_scope());
CREATE POLICY api_token_definer_functions ON api_token TO ${flyway:user} USING (true) WITH CHECK (true);
GRANT SELECT, INSERT ON api_token TO ${app_role};
GRANT UPDATE (revoked_at) ON api_token TO ${app_role};

-- Sign-in: who is this e-mail address? Returns nothing for an unknown address.
CREATE FUNCTION sign_in_lookup(p_email text)
    RETURNS TABLE (user_id uuid, org_id uuid, status text, password_hash text, failed_attempts integer,
                   locked_until timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
        SELECT a.id, a.org_id, a.status, c.password_hash, c.failed_attempts, c.locked_until
          FROM user_account a JOIN user_credential c ON c.user_id = a.id
         WHERE a.email = lower(p_email)
    $$;

-- Counts a failed sign-in; the account locks for p_lock after p_max_attempts consecutive failures.
CREATE FUNCTION sign_in_failed(p_user_id uuid, p_max_attempts integer, p_lock interval)
    RETURNS TABLE (failed_attempts integer, locked_until timestamptz)
    LANGUAGE sql SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
        UPDATE user_credential c
           SET failed_attempts = CASE WHEN c.failed_attempts + 1 >= p_max_attempts THEN 0
                                      ELSE c.failed_attempts + 1 END,
               locked_until = CASE WHEN c.failed_attempts + 1 >= p_max_attempts THEN clock_timestamp() + p_lock
                                   ELSE c.locked_until END
         WHERE c.user_id = p_user_id
        RETURNING c.failed_attempts, c.locked_until
    $$;

CREATE FUNCTION sign_in_succeeded(p_user_id uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$ UPDATE user_credential SET failed_attempts = 0, locked_until = NULL WHERE user_id = p_user_id $$;

-- The signed-in user's own password hash, to check the current password before a change.
CREATE FUNCTION own_password_hash() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$ SELECT password_hash FROM user_credential WHERE user_id = vigil_current_user() $$;

-- The signed-in user changes their own password.
CREATE FUNCTION change_own_password(p_password_hash text) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
        UPDATE user_credential SET password_hash = p_password_hash, password_changed_at = clock_timestamp(),
                                   failed_attempts = 0, locked_until = NULL
         WHERE user_id = vigil_current_user()
        RETURNING true
    $$;

-- A new member of the acting organisation gets an empty credential (no password until they accept).
CREATE FUNCTION create_empty_credential(p_user_id uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
        INSERT INTO user_credential (user_id, org_id)
        SELECT a.id, a.org_id FROM user_account a
         WHERE a.id = p_user_id AND (a.org_id = vigil_current_org() OR vigil_platform_scope())
    $$;

-- Sets a password directly: for the demo data and first platform administrator only (platform scope).
CREATE FUNCTION set_initial_password(p_user_id uuid, p_password_hash text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
    BEGIN
        IF NOT vigil_platform_scope() THEN
            RAISE EXCEPTION 'set_initial_password needs platform scope';
        END IF;
        UPDATE user_credential SET password_hash = p_password_hash, password_changed_at = clock_timestamp()
         WHERE user_id = p_user_id;
    END $$;

-- What an invitation or password-reset link is for, to show on its page before a password is chosen.
CREATE FUNCTION invitation_lookup(p_token_hash bytea)
    RETURNS TABLE (invitation_id uuid, user_id uuid, org_id uuid, purpose text, email text, display_name text,
                   organisation_name text, user_status text, expires_at timestamptz, used_at timestamptz,
                   withdrawn_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
        SELECT i.id, i.user_id, i.org_id, i.purpose, a.email, a.display_name, o.name, a.status,
               i.expires_at, i.used_at, i.withdrawn_at
          FROM invitation i JOIN user_account a ON a.id = i.user_id JOIN organisation o ON o.id = a.org_id
         WHERE i.token_hash = p_token_hash
    $$;

-- Accepts a valid, unused link: sets the password and activates an invited account. Returns the user, or nothing
-- when the link is unknown, used, withdrawn or expired, or the account is deactivated.
CREATE FUNCTION invitation_accept(p_token_hash bytea, p_password_hash text)
    RETURNS TABLE (user_id uuid, org_id uuid, purpose text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
    DECLARE
        v invitation%ROWTYPE;
    BEGIN
        SELECT * INTO v FROM invitation i WHERE i.token_hash = p_token_hash FOR UPDATE;
        IF NOT FOUND OR v.used_at IS NOT NULL OR v.withdrawn_at IS NOT NULL OR v.expires_at < clock_timestamp() THEN
            RETURN;
        END IF;
        IF EXISTS (SELECT 1 FROM user_account a WHERE a.id = v.user_id AND a.status = 'DEACTIVATED') THEN
            RETURN;
        END IF;
        UPDATE invitation SET used_at = clock_timestamp() WHERE id = v.id;
        UPDATE user_credential SET password_hash = p_password_hash, password_changed_at = clock_timestamp(),
                                   failed_attempts = 0, locked_until = NULL
         WHERE user_credential.user_id = v.user_id;
        UPDATE user_account SET status = 'ACTIVE', activated_at = coalesce(activated_at, clock_timestamp())
         WHERE id = v.user_id AND status = 'INVITED';
        RETURN QUERY SELECT v.user_id, v.org_id, v.purpose;
    END $$;

-- Bearer-token sign-in: the token's user, when the token is live and the user active.
CREATE FUNCTION api_token_lookup(p_token_hash bytea)
    RETURNS TABLE (token_id uuid, user_id uuid, org_id uuid)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
    DECLARE
        v api_token%ROWTYPE;
    BEGIN
        SELECT * INTO v FROM api_token t WHERE t.token_hash = p_token_hash;
        IF NOT FOUND OR v.revoked_at IS NOT NULL OR (v.expires_at IS NOT NULL AND v.expires_at < clock_timestamp())
           OR NOT EXISTS (SELECT 1 FROM user_account a WHERE a.id = v.user_id AND a.status = 'ACTIVE') THEN
            RETURN;
        END IF;
        -- Record use at most once a minute, so busy integrations do not turn every read into a write.
        IF v.last_used_at IS NULL OR v.last_used_at < clock_timestamp() - interval '1 minute' THEN
            UPDATE api_token SET last_used_at = clock_timestamp() WHERE id = v.id;
        END IF;
        RETURN QUERY SELECT v.id, v.user_id, v.org_id;
    END $$;

REVOKE ALL ON FUNCTION sign_in_lookup(text), sign_in_failed(uuid, integer, interval), sign_in_succeeded(uuid),
    own_password_hash(), change_own_password(text), create_empty_credential(uuid),
    set_initial_password(uuid, text), invitation_lookup(bytea), invitation_accept(bytea, text),
    api_token_lookup(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sign_in_lookup(text), sign_in_failed(uuid, integer, interval), sign_in_succeeded(uuid),
    own_password_hash(), change_own_password(text), create_empty_credential(uuid),
    set_initial_password(uuid, text), invitation_lookup(bytea), invitation_accept(bytea, text),
    api_token_lookup(bytea) TO ${app_role};

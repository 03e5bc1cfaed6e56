-- Calendar feeds: a secret address per person from which a calendar client, which cannot sign in, reads that person's
-- pending deadlines (RFC 5545). As for API tokens, only the SHA-256 of the secret is stored: 256 random bits need no
-- slow hash, and a copy of this table opens no feed. A person has at most one live feed; resetting revokes the old
-- address and issues a new one.

CREATE TABLE calendar_feed (
    id           uuid PRIMARY KEY,
    org_id       uuid        NOT NULL,
    user_id      uuid        NOT NULL,
    token_hash   bytea       NOT NULL UNIQUE,
    token_prefix text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_read_at timestamptz,
    revoked_at   timestamptz
);
CREATE UNIQUE INDEX calendar_feed_one_live_per_person ON calendar_feed (user_id) WHERE revoked_at IS NULL;
ALTER TABLE calendar_feed ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_feed FORCE ROW LEVEL SECURITY;
-- A person sees and manages their own feeds only; nobody else, not even their administrators, needs the address.
CREATE POLICY calendar_feed_own ON calendar_feed
    USING (org_id = vigil_current_org() AND user_id = vigil_current_user())
    WITH CHECK (org_id = vigil_current_org() AND user_id = vigil_current_user());
-- Resolving a feed's secret happens before anyone acts for an organisation, through the function below only.
CREATE POLICY calendar_feed_definer_functions ON calendar_feed TO ${flyway:user} USING (true) WITH CHECK (true);
GRANT SELECT, INSERT ON calendar_feed TO ${app_role};
GRANT UPDATE (revoked_at) ON calendar_feed TO ${app_role};

-- Whose live feed has this secret? Returns nothing for an unknown or revoked secret. Records when the feed was last
-- read, at most once a minute, so that clients polling every few minutes do not turn every read into a write.
CREATE FUNCTION calendar_feed_lookup(p_token_hash bytea)
    RETURNS TABLE (feed_id uuid, user_id uuid, org_id uuid)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
    DECLARE
        v calendar_feed%ROWTYPE;
    BEGIN
        SELECT * INTO v FROM calendar_feed f WHERE f.token_hash = p_token_hash AND f.revoked_at IS NULL;
        IF NOT FOUND THEN
            RETURN;
        END IF;
        IF v.last_read_at IS NULL OR v.last_read_at < clock_timestamp() - interval '1 minute' THEN
            UPDATE calendar_feed SET last_read_at = clock_timestamp() WHERE id = v.id;
        END IF;
        RETURN QUERY SELECT v.id, v.user_id, v.org_id;
    END $$;

REVOKE ALL ON FUNCTION calendar_feed_lookup(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION calendar_feed_lookup(bytea) TO ${app_role};

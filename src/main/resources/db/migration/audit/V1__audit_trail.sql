-- The audit trail: append-only and hash-chained (21 CFR 11.10(e), EU GMP Annex 11 §9, ISO 13485 §4.2.5).
-- hash = SHA-256(prev_hash || canonical entry). audit_append below computes it as entries are written; the chain
-- check recomputes it in Java (org.vigil.audit.domain.AuditChain), so any disagreement shows as tampering.

CREATE TABLE audit_entry (
    seq           bigint      PRIMARY KEY,
    recorded_at   timestamptz NOT NULL,
    actor_user_id uuid,
    actor_name    text        NOT NULL,
    org_id        uuid        NOT NULL,
    action        text        NOT NULL,
    record_type   text        NOT NULL,
    record_id     uuid        NOT NULL,
    old_value     text,
    new_value     text,
    reason        text,
    prev_hash     bytea       NOT NULL,
    hash          bytea       NOT NULL,
    CONSTRAINT audit_entry_hash_length CHECK (length(hash) = 32 AND length(prev_hash) = 32),
    CONSTRAINT audit_entry_seq_positive CHECK (seq > 0)
);
CREATE INDEX audit_entry_by_record ON audit_entry (record_type, record_id, seq);
CREATE INDEX audit_entry_by_org ON audit_entry (org_id, seq);

-- The end of the chain. Appenders lock this row (SELECT ... FOR UPDATE) so concurrent writers queue up and never
-- fork the chain; the primary key on seq is a second guard.
CREATE TABLE audit_chain_head (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_seq  bigint  NOT NULL,
    last_hash bytea   NOT NULL
);
INSERT INTO audit_chain_head (singleton, last_seq, last_hash) VALUES (true, 0, decode(repeat('00', 32), 'hex'));

-- Append-only for everyone, including the owner; only a superuser disabling triggers can change history,
-- and the chain check then shows it.
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'The audit trail is append-only (% refused)', TG_OP; END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();

ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_entry FORCE ROW LEVEL SECURITY;
-- org_id is the organisation in whose data the change happened. An organisation reads its own entries and the whole
-- history of records exchanged with it (see vigil_record_exchanged_with_current_org). Platform scope reads the
-- history of what platform administrators administer (organisations, people, terminologies), never other
-- organisations' vigilance records. Only the chain check, in a scope of its own ('audit-chain-check', bound by the audit module
-- around the check alone and returning nothing but the verdict), reads every entry.
CREATE POLICY audit_entry_readable ON audit_entry FOR SELECT
    USING (org_id = vigil_current_org()
           OR vigil_record_exchanged_with_current_org(record_type, record_id)
           OR (vigil_platform_scope() AND record_type IN ('organisation', 'user', 'terminology'))
           OR current_setting('vigil.scope', true) = 'audit-chain-check');
CREATE POLICY audit_entry_appendable ON audit_entry FOR INSERT
    WITH CHECK (org_id = vigil_current_org() OR vigil_platform_scope());

GRANT SELECT, INSERT ON audit_entry TO ${app_role};
GRANT SELECT, UPDATE ON audit_chain_head TO ${app_role};

-- One field of the canonical form: its UTF-8 byte length, a colon and the text, or '-' when absent; then a newline.
CREATE FUNCTION audit_canonical_field(p_value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN p_value IS NULL THEN '-' ELSE octet_length(p_value)::text || ':' || p_value END || E'\n' $$;

-- Appends the calling transaction's entries (parallel arrays, one element per entry, in order) to the chain in one
-- round trip: locks the chain head until the transaction ends, so concurrent writers queue up and never fork the
-- chain, reads the database clock once the lock is held, links each entry to the one before and moves the head.
-- Answers the last sequence number.
CREATE FUNCTION audit_append(p_actor_user_id uuid[], p_actor_name text[], p_org_id uuid[], p_action text[],
                             p_record_type text[], p_record_id uuid[], p_old_value text[], p_new_value text[],
                             p_reason text[]) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
    DECLARE
        v_seq bigint;
        v_previous bytea;
        v_hash bytea;
        v_now timestamptz;
        v_micros text;
    BEGIN
        SELECT h.last_seq, h.last_hash INTO v_seq, v_previous FROM audit_chain_head h WHERE h.singleton FOR UPDATE;
        v_now := clock_timestamp();
        v_micros := trunc(extract(epoch FROM v_now) * 1000000)::bigint::text;
        FOR i IN 1 .. coalesce(array_length(p_action, 1), 0) LOOP
            v_seq := v_seq + 1;
            v_hash := sha256(v_previous || convert_to(
                audit_canonical_field('vigil-audit-1') || audit_canonical_field(v_micros)
                || audit_canonical_field(p_actor_user_id[i]::text) || audit_canonical_field(p_actor_name[i])
                || audit_canonical_field(p_org_id[i]::text) || audit_canonical_field(p_action[i])
                || audit_canonical_field(p_record_type[i]) || audit_canonical_field(p_record_id[i]::text)
                || audit_canonical_field(p_old_value[i]) || audit_canonical_field(p_new_value[i])
                || audit_canonical_field(p_reason[i]), 'UTF8'));
            INSERT INTO audit_entry (seq, recorded_at, actor_user_id, actor_name, org_id, action, record_type,
                                     record_id, old_value, new_value, reason, prev_hash, hash)
            VALUES (v_seq, v_now, p_actor_user_id[i], p_actor_name[i], p_org_id[i], p_action[i], p_record_type[i],
                    p_record_id[i], p_old_value[i], p_new_value[i], p_reason[i], v_previous, v_hash);
            v_previous := v_hash;
        END LOOP;
        UPDATE audit_chain_head SET last_seq = v_seq, last_hash = v_previous WHERE singleton;
        RETURN v_seq;
    END $$;

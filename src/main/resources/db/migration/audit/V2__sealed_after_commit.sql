-- Audit entries are chained after their change commits, by one sealer, instead of inside each writing transaction.
--
-- Why: chaining inside the writer's transaction locked the chain head from the append until the commit had been
-- flushed, so every audited write in Vigil waited for every other one (about 1,700 audited commits per second at most,
-- whatever the hardware; far fewer when a commit also waits for a slow disk). Now a writer only inserts its entries
-- into audit_pending, in its own transaction (so an entry exists exactly when its change does: nothing is lost, nothing
-- is recorded for a rolled-back change), and audit_seal, run by a single sealer shortly after, moves committed entries
-- into the hash chain in one batch. The chain's format and its check are unchanged.
--
-- The price: between a commit and the next sealing (normally well under a second) an entry exists unchained. It is
-- append-only there too (the application may only insert), it is shown in histories at once, and sealing resumes where
-- it stopped after a crash. The chain check seals everything committed before it starts.

CREATE TABLE audit_pending (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_user_id uuid,
    actor_name    text        NOT NULL,
    org_id        uuid        NOT NULL,
    action        text        NOT NULL,
    record_type   text        NOT NULL,
    record_id     uuid        NOT NULL,
    old_value     text,
    new_value     text,
    reason        text
);
CREATE INDEX audit_pending_by_record ON audit_pending (record_type, record_id);

ALTER TABLE audit_pending ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_pending FORCE ROW LEVEL SECURITY;
-- Read like the chain itself (audit_entry_readable); written only for the caller's organisation or in platform scope.
-- The scope tests come first: PostgreSQL evaluates them left to right and stops at the first true one, so the sealer
-- and the chain check never run the sharing look-up for each row.
CREATE POLICY audit_pending_readable ON audit_pending FOR SELECT
    USING (current_setting('vigil.scope', true) IN ('audit-sealer', 'audit-chain-check')
           OR org_id = vigil_current_org()
           OR (vigil_platform_scope() AND record_type IN ('organisation', 'user', 'terminology'))
           OR vigil_record_exchanged_with_current_org(record_type, record_id));
CREATE POLICY audit_pending_appendable ON audit_pending FOR INSERT
    WITH CHECK (org_id = vigil_current_org() OR vigil_platform_scope());
-- The application may not update or delete: only audit_seal removes pending entries, by moving them into the chain.
CREATE POLICY audit_pending_sealed ON audit_pending FOR DELETE
    USING (current_setting('vigil.scope', true) = 'audit-sealer');
GRANT SELECT, INSERT ON audit_pending TO ${app_role};

-- audit_entry keeps forced row-level security; audit_seal writes it in a scope of its own.
CREATE POLICY audit_entry_sealed ON audit_entry FOR INSERT
    WITH CHECK (current_setting('vigil.scope', true) = 'audit-sealer');
-- Entries are no longer written by the application itself, only by audit_seal.
REVOKE INSERT ON audit_entry FROM ${app_role};
REVOKE UPDATE ON audit_chain_head FROM ${app_role};
DROP FUNCTION audit_append(uuid[], text[], uuid[], text[], text[], uuid[], text[], text[], text[]);

-- Moves up to p_limit committed pending entries, oldest first, into the chain: locks the chain head (so two sealers,
-- in two Vigil processes for instance, never fork the chain), links each entry to the one before and moves the head.
-- Runs as the schema owner so that the application role needs no right to write the chain or delete pending entries.
-- Answers how many entries it sealed.
CREATE FUNCTION audit_seal(p_limit integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
    DECLARE
        v_scope text := current_setting('vigil.scope', true);
        v_seq bigint;
        v_previous bytea;
        v_hash bytea;
        v_sealed integer := 0;
        v_ids bigint[] := '{}';
        p audit_pending%ROWTYPE;
    BEGIN
        PERFORM set_config('vigil.scope', 'audit-sealer', true);
        -- Nothing to seal: answer without locking the head, which would cost a commit flushed to disk.
        IF NOT EXISTS (SELECT 1 FROM audit_pending) THEN
            PERFORM set_config('vigil.scope', coalesce(v_scope, ''), true);
            RETURN 0;
        END IF;
        SELECT h.last_seq, h.last_hash INTO v_seq, v_previous FROM audit_chain_head h WHERE h.singleton FOR UPDATE;
        FOR p IN SELECT * FROM audit_pending ORDER BY id LIMIT p_limit LOOP
            v_seq := v_seq + 1;
            v_hash := sha256(v_previous || convert_to(
                audit_canonical_field('vigil-audit-1')
                || audit_canonical_field(trunc(extract(epoch FROM p.recorded_at) * 1000000)::bigint::text)
                || audit_canonical_field(p.actor_user_id::text) || audit_canonical_field(p.actor_name)
                || audit_canonical_field(p.org_id::text) || audit_canonical_field(p.action)
                || audit_canonical_field(p.record_type) || audit_canonical_field(p.record_id::text)
                || audit_canonical_field(p.old_value) || audit_canonical_field(p.new_value)
                || audit_canonical_field(p.reason), 'UTF8'));
            INSERT INTO audit_entry (seq, recorded_at, actor_user_id, actor_name, org_id, action, record_type,
                                     record_id, old_value, new_value, reason, prev_hash, hash)
            VALUES (v_seq, p.recorded_at, p.actor_user_id, p.actor_name, p.org_id, p.action, p.record_type,
                    p.record_id, p.old_value, p.new_value, p.reason, v_previous, v_hash);
            v_previous := v_hash;
            v_ids := v_ids || p.id;
            v_sealed := v_sealed + 1;
        END LOOP;
        IF v_sealed > 0 THEN
            DELETE FROM audit_pending WHERE id = ANY (v_ids);
            UPDATE audit_chain_head SET last_seq = v_seq, last_hash = v_previous WHERE singleton;
        END IF;
        PERFORM set_config('vigil.scope', coalesce(v_scope, ''), true);
        RETURN v_sealed;
    END $$;
REVOKE ALL ON FUNCTION audit_seal(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_seal(integer) TO ${app_role};

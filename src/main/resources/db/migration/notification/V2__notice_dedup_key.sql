-- A notice that must reach each person once, however often its sender retries (the clock service's reminders after a
-- crash between writing the notice and recording it sent), carries a key; a second notice with the same key is not
-- written. NULL keys never collide: ordinary notices are unaffected.
ALTER TABLE notice ADD COLUMN dedup_key text CONSTRAINT notice_dedup_key_unique UNIQUE;

-- Whether a notice with the key exists. Vigil writes notices acting for an organisation without being their recipient,
-- so row-level security hides them from the writer (which also rules out INSERT … ON CONFLICT, checked against the
-- reading policy); this answers for the key alone. The unique constraint stays the guard against a concurrent write.
CREATE POLICY notice_dedup_check ON notice FOR SELECT TO ${flyway:user} USING (true);
CREATE FUNCTION notice_dedup_key_taken(p_key text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$ SELECT EXISTS (SELECT 1 FROM notice WHERE dedup_key = p_key) $$;
REVOKE ALL ON FUNCTION notice_dedup_key_taken(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notice_dedup_key_taken(text) TO ${app_role};

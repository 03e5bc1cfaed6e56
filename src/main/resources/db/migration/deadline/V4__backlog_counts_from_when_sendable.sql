-- A reminder waits from when it could first be sent: its time, or when it was planned if that time had already
-- passed (a decision taken after a due time plans its "at due" reminder in the past). Counting from the time alone
-- called the scheduler stalled the moment such a reminder was planned, before any sweep had a chance to send it.
CREATE OR REPLACE FUNCTION obligation_reminder_backlog(p_now timestamptz, OUT waiting bigint, OUT oldest timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
        SELECT count(*), min(greatest(fire_at, created_at)) FROM obligation_reminder
         WHERE sent_at IS NULL AND fire_at <= p_now
    $$;

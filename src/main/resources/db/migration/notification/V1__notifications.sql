-- Notifications: in the application (a person's notices) and by e-mail (deliveries, retried until sent or given up,
-- and never silently lost: a failed delivery stays visible to the person and to their organisation's administrators).

CREATE TABLE notice (
    id         uuid PRIMARY KEY,
    org_id     uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    category   text        NOT NULL,
    subject    text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    body       text        NOT NULL,
    link       text,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    read_at    timestamptz
);
CREATE INDEX notice_by_user ON notice (user_id, created_at DESC);
CREATE INDEX notice_unread ON notice (user_id) WHERE read_at IS NULL;
ALTER TABLE notice ENABLE ROW LEVEL SECURITY;
ALTER TABLE notice FORCE ROW LEVEL SECURITY;
-- A person reads and marks their own notices; notices are written for an organisation by Vigil acting for it.
CREATE POLICY notice_own ON notice FOR SELECT USING (org_id = vigil_current_org() AND user_id = vigil_current_user());
CREATE POLICY notice_mark_read ON notice FOR UPDATE
    USING (org_id = vigil_current_org() AND user_id = vigil_current_user())
    WITH CHECK (org_id = vigil_current_org() AND user_id = vigil_current_user());
CREATE POLICY notice_written_for_organisation ON notice FOR INSERT WITH CHECK (org_id = vigil_current_org());
GRANT SELECT, INSERT ON notice TO ${app_role};
GRANT UPDATE (read_at) ON notice TO ${app_role};

CREATE TABLE email_delivery (
    id              uuid PRIMARY KEY,
    org_id          uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    notice_id       uuid        NOT NULL REFERENCES notice (id),
    to_address      text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    sent_at         timestamptz
);
CREATE INDEX email_delivery_due ON email_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX email_delivery_by_org ON email_delivery (org_id, created_at DESC);
ALTER TABLE email_delivery ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_delivery FORCE ROW LEVEL SECURITY;
-- The recipient and their organisation's administrators (application check) read their organisation's deliveries.
CREATE POLICY email_delivery_tenant ON email_delivery FOR SELECT USING (org_id = vigil_current_org());
CREATE POLICY email_delivery_written_for_organisation ON email_delivery FOR INSERT
    WITH CHECK (org_id = vigil_current_org());
-- The sender works across organisations through the two functions below, and only through them.
CREATE POLICY email_delivery_sender ON email_delivery TO ${flyway:user} USING (true) WITH CHECK (true);
GRANT SELECT, INSERT ON email_delivery TO ${app_role};

-- Claims up to p_limit due deliveries for sending: each is leased for p_lease, so a crashed sender's deliveries are
-- retried after the lease and two senders never send the same delivery at once.
CREATE FUNCTION email_delivery_claim(p_limit integer, p_lease interval)
    RETURNS TABLE (id uuid, to_address text, subject text, body text, attempts integer)
    LANGUAGE sql SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
        UPDATE email_delivery d SET next_attempt_at = clock_timestamp() + p_lease, attempts = d.attempts + 1
         WHERE d.id IN (SELECT e.id FROM email_delivery e
                         WHERE e.status = 'PENDING' AND e.next_attempt_at <= clock_timestamp()
                         ORDER BY e.next_attempt_at LIMIT p_limit FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.to_address, d.subject, d.body, d.attempts
    $$;

-- Records the outcome of one attempt: sent; or failed and retried at p_retry_at; or failed for good (p_retry_at NULL).
CREATE FUNCTION email_delivery_outcome(p_id uuid, p_sent boolean, p_error text, p_retry_at timestamptz)
    RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
        UPDATE email_delivery
           SET status = CASE WHEN p_sent THEN 'SENT' WHEN p_retry_at IS NULL THEN 'FAILED' ELSE 'PENDING' END,
               sent_at = CASE WHEN p_sent THEN clock_timestamp() END,
               last_error = CASE WHEN p_sent THEN NULL ELSE left(p_error, 1000) END,
               next_attempt_at = coalesce(p_retry_at, next_attempt_at)
         WHERE id = p_id AND status = 'PENDING'
    $$;

-- How many deliveries are waiting or failed, across organisations, for the health check.
CREATE FUNCTION email_delivery_backlog(OUT pending bigint, OUT overdue bigint, OUT failed bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
        SELECT count(*) FILTER (WHERE status = 'PENDING'),
               count(*) FILTER (WHERE status = 'PENDING' AND next_attempt_at < clock_timestamp() - interval '10 minutes'),
               count(*) FILTER (WHERE status = 'FAILED')
          FROM email_delivery
    $$;

REVOKE ALL ON FUNCTION email_delivery_claim(integer, interval), email_delivery_outcome(uuid, boolean, text, timestamptz),
    email_delivery_backlog() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION email_delivery_claim(integer, interval),
    email_delivery_outcome(uuid, boolean, text, timestamptz), email_delivery_backlog() TO ${app_role};

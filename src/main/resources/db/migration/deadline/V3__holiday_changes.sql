-- Holiday calendars that administrators maintain. Vigil ships calendars (holidays/*.txt); every change an
-- administrator makes is kept here, in order, and applied on top of the shipped calendar: a holiday added or removed,
-- or a year covered (its holidays published). Installation-wide reference data like the terminologies, so no
-- organisation owns a row; only platform administrators write (checked by the application), everyone reads. Rows are
-- never changed or deleted: the list is the calendar's history.

CREATE TABLE holiday_change (
    seq             bigserial PRIMARY KEY,
    country         text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    kind            text        NOT NULL CHECK (kind IN ('ADD', 'REMOVE', 'COVER')),
    day             date,
    name            text,
    year            integer,
    reason          text        NOT NULL,
    changed_by      uuid,
    changed_by_name text        NOT NULL,
    changed_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT holiday_change_shape CHECK (
        (kind = 'ADD' AND day IS NOT NULL AND name IS NOT NULL AND year IS NULL)
        OR (kind = 'REMOVE' AND day IS NOT NULL AND year IS NULL)
        OR (kind = 'COVER' AND year IS NOT NULL AND day IS NULL))
);
GRANT SELECT, INSERT ON holiday_change TO ${app_role};
GRANT USAGE ON SEQUENCE holiday_change_seq_seq TO ${app_role};

-- The cases, across organisations, with pending obligations counted on a country's working days: the recipient's
-- country, or an authority seated there. After a holiday change their due times are recomputed by their duty holder.
CREATE FUNCTION obligation_cases_counting_in(p_country text, p_authorities text[])
    RETURNS TABLE (org_id uuid, case_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = vigil, pg_temp
    AS $$
        SELECT DISTINCT o.org_id, o.case_id FROM obligation o
         WHERE o.state IN ('OPEN', 'OVERDUE')
           AND (o.recipient_country = p_country OR o.authority = ANY (p_authorities))
    $$;
REVOKE ALL ON FUNCTION obligation_cases_counting_in(text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION obligation_cases_counting_in(text, text[]) TO ${app_role};

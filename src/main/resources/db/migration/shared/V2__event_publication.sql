-- The transactional outbox of Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc
-- 2.1): an event is stored in the transaction that raises it and handed to each listener after commit; an event whose
-- listener has not completed is delivered again after a restart, so nothing that was committed is lost.
CREATE TABLE event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
GRANT SELECT, INSERT, UPDATE, DELETE ON event_publication TO ${app_role};

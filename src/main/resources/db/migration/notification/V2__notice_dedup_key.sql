-- A notice that must reach each person once, however often its sender retries (the clock service's reminders after a
-- crash between writing the notice and recording it sent), carries a key; a second notice with the same key is not
-- written. NULL keys never collide: ordinary notices are unaffected.
ALTER TABLE notice ADD COLUMN dedup_key text CONSTRAINT notice_dedup_key_unique UNIQUE;

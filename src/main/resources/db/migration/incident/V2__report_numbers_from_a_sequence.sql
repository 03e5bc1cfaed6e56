-- Report numbers come from one sequence for the whole installation instead of a counter row per hospital and year.
--
-- Why: the counter row stayed locked from a draft's creation until its commit had been flushed to disk, so a
-- hospital's reports were created one at a time (a busy hospital system's submissions queued behind each other), and
-- the same number (IR-2026-00001) existed once per hospital, which a manufacturer receiving reports from several
-- hospitals could confuse. A sequence hands out numbers without locking and each number once; a number whose draft
-- is rolled back is skipped, as MDR Art. 87 asks for no gapless numbering. The year in IR-2026-00042 stays the year of
-- creation.
CREATE SEQUENCE incident_report_number AS bigint;
ALTER TABLE incident_report_counter NO FORCE ROW LEVEL SECURITY;
SELECT setval('incident_report_number', coalesce((SELECT max(last) FROM incident_report_counter), 0) + 1, false);
DROP TABLE incident_report_counter;
GRANT USAGE ON SEQUENCE incident_report_number TO ${app_role};

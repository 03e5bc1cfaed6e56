-- Case and complaint numbers come from one sequence for the whole installation instead of a counter row per
-- organisation and year: the counter row serialised case openings until each commit was flushed, and a manufacturer
-- received CASE-2026-00001 from every hospital. Now a number names one case in the whole of Vigil (see
-- db/migration/incident/V2__report_numbers_from_a_sequence.sql for the same change to report numbers).
CREATE SEQUENCE vigil_case_number AS bigint;
ALTER TABLE vigil_case_counter NO FORCE ROW LEVEL SECURITY;
SELECT setval('vigil_case_number', coalesce((SELECT max(last) FROM vigil_case_counter), 0) + 1, false);
DROP TABLE vigil_case_counter;
GRANT USAGE ON SEQUENCE vigil_case_number TO ${app_role};

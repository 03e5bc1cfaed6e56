-- Finds every share of a record, whether revoked or not, by an index.
--
-- Why: vigil_record_exchanged_with_current_org (used by the audit trail's read policies for every row they consider)
-- also looks at revoked shares (the owner keeps reading the history of a record it once shared), which the partial
-- indexes of V1 (WHERE revoked_at IS NULL) cannot answer: each call scanned the whole table, about a millisecond per
-- row once a few thousand reports had been shared, and more with every report.
CREATE INDEX record_share_by_record ON record_share (record_type, record_id);

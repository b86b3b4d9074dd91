-- Retention, PostgreSQL only (db/retention-{vendor}). A run looks for the raw messages received before a
-- cutoff. Messages are stored in the order they arrive, so received_at follows the table's physical order and a
-- BRIN index (one summary per 128 pages) finds the old ones without a scan, at a cost to the writer of next to
-- nothing, where a B-tree would add an index entry to every stored message (decision: no received_at index).
CREATE INDEX uplink_message_received_brin ON uplink_message USING brin (received_at);

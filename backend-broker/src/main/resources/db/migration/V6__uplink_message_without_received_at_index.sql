-- pcmsim backend schema v6 (core). Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- Nothing reads uplink_message by received_at: the index only cost an index entry per stored message.
-- Retention, when it deletes raw messages, deletes rarely and in bulk; it may scan or bring its own index.
DROP INDEX uplink_message_received_at;

-- pcmsim backend schema (core). Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- (A date version like the services' migrations: it must run after Smart Service's 2026.11.29.4, which
-- copies the newest-state claim out of the columns dropped here.)
-- The vehicle row is written once, when a vehicle is first stored: last seen and the newest (boot id,
-- sequence) are the newest stored message's (StoreQueries.seen), so a batch no longer updates a row per
-- vehicle. The newest-state claim and the needs flag are Smart Service's (smart_service_vehicle).
ALTER TABLE vehicle DROP COLUMN last_seen_at;
ALTER TABLE vehicle DROP COLUMN last_boot_id;
ALTER TABLE vehicle DROP COLUMN last_sequence;
ALTER TABLE vehicle DROP COLUMN state_vehicle_time;
ALTER TABLE vehicle DROP COLUMN state_boot_id;
ALTER TABLE vehicle DROP COLUMN state_sequence;
ALTER TABLE vehicle DROP COLUMN has_needs;

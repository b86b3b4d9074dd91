-- pcmsim backend schema v2. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- The vehicle row remembers which state its maintenance needs come from, so a batch learns whether a
-- state is the newest with one conditional UPDATE (which also locks the row on PostgreSQL) instead of
-- sorting the vehicle's whole history, and whether it has needs rows to delete at all.

-- (boot id, sequence) of the newest message with a state; NULL while the vehicle sent none.
ALTER TABLE vehicle ADD COLUMN state_boot_id BIGINT;
ALTER TABLE vehicle ADD COLUMN state_sequence BIGINT;
-- TRUE exactly when maintenance_need holds rows of this vehicle.
ALTER TABLE vehicle ADD COLUMN has_needs BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE vehicle SET state_boot_id = (SELECT MAX(s.boot_id) FROM vehicle_state s WHERE s.vin = vehicle.vin);
UPDATE vehicle SET state_sequence = (SELECT MAX(s.sequence) FROM vehicle_state s
                                     WHERE s.vin = vehicle.vin AND s.boot_id = vehicle.state_boot_id);
UPDATE vehicle SET has_needs = TRUE WHERE vin IN (SELECT n.vin FROM maintenance_need n);

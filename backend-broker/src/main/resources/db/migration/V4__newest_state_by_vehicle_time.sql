-- pcmsim backend schema v4 (core). Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- "Newest state" is decided by the car's clock, not by (boot id, sequence): after a reconnect the car's
-- outbox sends older reports under the new boot id after the fresh login. The key only breaks ties.
ALTER TABLE vehicle ADD COLUMN state_vehicle_time TIMESTAMP WITH TIME ZONE;

UPDATE vehicle SET state_vehicle_time = (SELECT s.vehicle_time FROM vehicle_state s
                                         WHERE s.vin = vehicle.vin AND s.boot_id = vehicle.state_boot_id
                                           AND s.sequence = vehicle.state_sequence);

-- Joined lists hold up to 100 elements of up to 64 characters (the validator's content limits).
ALTER TABLE vehicle_state ALTER COLUMN dtcs SET DATA TYPE VARCHAR(6600);
ALTER TABLE smart_service_report ALTER COLUMN crossed_thresholds SET DATA TYPE VARCHAR(6600);
ALTER TABLE login ALTER COLUMN disabled_services SET DATA TYPE VARCHAR(6600);

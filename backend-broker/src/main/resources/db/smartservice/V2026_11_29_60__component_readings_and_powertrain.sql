-- Smart Service. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- The readings of the components not every car has (a battery-electric car has no engine oil, a combustion
-- car no high-voltage battery), the warnings the driver sees, and the car's powertrain. A reading the car did
-- not report is NULL, never 0; rows stored before have NULL in all of them.
ALTER TABLE smart_service_vehicle ADD COLUMN powertrain VARCHAR(32);
ALTER TABLE smart_service_vehicle ADD COLUMN engine_oil_level_percent DOUBLE PRECISION;
ALTER TABLE smart_service_vehicle ADD COLUMN brake_fluid_age_days DOUBLE PRECISION;
ALTER TABLE smart_service_vehicle ADD COLUMN battery_charge_percent DOUBLE PRECISION;
ALTER TABLE smart_service_vehicle ADD COLUMN battery_health_percent DOUBLE PRECISION;
ALTER TABLE smart_service_vehicle ADD COLUMN hv_battery_charge_percent DOUBLE PRECISION;
ALTER TABLE smart_service_vehicle ADD COLUMN hv_battery_health_percent DOUBLE PRECISION;
ALTER TABLE smart_service_vehicle ADD COLUMN washer_fluid_percent DOUBLE PRECISION;
-- warning codes, comma-separated, as dtcs
ALTER TABLE smart_service_vehicle ADD COLUMN warnings VARCHAR(6600);

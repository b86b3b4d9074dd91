-- Smart Service. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- Its tables (vehicle_state, smart_service_report, maintenance_need) were created by db/migration V1-V3,
-- before services owned their migrations.

-- Every reading is optional on the wire: a reading the car did not report is NULL, never 0.
ALTER TABLE vehicle_state ALTER COLUMN odometer_km DROP NOT NULL;
ALTER TABLE vehicle_state ALTER COLUMN operating_hours DROP NOT NULL;
ALTER TABLE vehicle_state ALTER COLUMN engine_oil_life_percent DROP NOT NULL;
ALTER TABLE vehicle_state ALTER COLUMN pad_wear_fl_percent DROP NOT NULL;
ALTER TABLE vehicle_state ALTER COLUMN pad_wear_fr_percent DROP NOT NULL;
ALTER TABLE vehicle_state ALTER COLUMN pad_wear_rl_percent DROP NOT NULL;
ALTER TABLE vehicle_state ALTER COLUMN pad_wear_rr_percent DROP NOT NULL;
ALTER TABLE vehicle_state ALTER COLUMN battery_volts DROP NOT NULL;
ALTER TABLE vehicle_state ALTER COLUMN tire_fl_kpa DROP NOT NULL;
ALTER TABLE vehicle_state ALTER COLUMN tire_fr_kpa DROP NOT NULL;
ALTER TABLE vehicle_state ALTER COLUMN tire_rl_kpa DROP NOT NULL;
ALTER TABLE vehicle_state ALTER COLUMN tire_rr_kpa DROP NOT NULL;
ALTER TABLE vehicle_state ALTER COLUMN tire_nominal_kpa DROP NOT NULL;
ALTER TABLE vehicle_state ALTER COLUMN distance_to_service_km DROP NOT NULL;
ALTER TABLE vehicle_state ALTER COLUMN time_to_service_s DROP NOT NULL;

-- The model travels in the Smart Service report now, not in the login.
ALTER TABLE smart_service_report ADD COLUMN model_code VARCHAR(64);
ALTER TABLE smart_service_report ADD COLUMN model_year INTEGER;

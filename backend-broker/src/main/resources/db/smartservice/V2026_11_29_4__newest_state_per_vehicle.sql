-- Smart Service. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- Per vehicle only its newest state (newest by the car's clock; ties by boot id, then sequence), written
-- once per vehicle and batch by a conditional upsert that is at the same time the newest-state claim.
-- The report history stays in uplink_message (the raw payload; decode it to read a report back), so no
-- row per report any more: smart_service_report keeps the reports stored before, nothing writes it.
CREATE TABLE smart_service_vehicle (
    vin                         VARCHAR(17) PRIMARY KEY,
    -- the message the newest state came from
    vehicle_time                TIMESTAMP WITH TIME ZONE NOT NULL,
    boot_id                     BIGINT NOT NULL,
    sequence                    BIGINT NOT NULL,
    model_code                  VARCHAR(64),
    model_year                  INTEGER,
    -- a reading the car did not report is NULL
    odometer_km                 DOUBLE PRECISION,
    operating_hours             DOUBLE PRECISION,
    engine_oil_life_percent     DOUBLE PRECISION,
    pad_wear_fl_percent         DOUBLE PRECISION,
    pad_wear_fr_percent         DOUBLE PRECISION,
    pad_wear_rl_percent         DOUBLE PRECISION,
    pad_wear_rr_percent         DOUBLE PRECISION,
    battery_volts               DOUBLE PRECISION,
    tire_fl_kpa                 DOUBLE PRECISION,
    tire_fr_kpa                 DOUBLE PRECISION,
    tire_rl_kpa                 DOUBLE PRECISION,
    tire_rr_kpa                 DOUBLE PRECISION,
    tire_nominal_kpa            DOUBLE PRECISION,
    distance_to_service_km      DOUBLE PRECISION,
    time_to_service_s           BIGINT,
    dtcs                        VARCHAR(6600),
    -- a 64-bit digest of the needs this state gives (their maintenance_need rows); NULL: not known
    needs_hash                  BIGINT,
    -- whether the last claim changed needs_hash (PostgreSQL's claim returns it; it cannot return the old value)
    needs_changed               BOOLEAN DEFAULT FALSE NOT NULL
);

-- Each vehicle's newest state as the vehicle row claimed it: from its report row, or from vehicle_state
-- (states no report carries). needs_hash NULL: the next newer state rewrites the needs rows.
INSERT INTO smart_service_vehicle (vin, vehicle_time, boot_id, sequence, model_code, model_year, odometer_km,
        operating_hours, engine_oil_life_percent, pad_wear_fl_percent, pad_wear_fr_percent, pad_wear_rl_percent,
        pad_wear_rr_percent, battery_volts, tire_fl_kpa, tire_fr_kpa, tire_rl_kpa, tire_rr_kpa, tire_nominal_kpa,
        distance_to_service_km, time_to_service_s, dtcs, needs_hash)
SELECT v.vin, v.state_vehicle_time, v.state_boot_id, v.state_sequence, r.model_code, r.model_year,
       COALESCE(r.odometer_km, s.odometer_km), COALESCE(r.operating_hours, s.operating_hours),
       COALESCE(r.engine_oil_life_percent, s.engine_oil_life_percent),
       COALESCE(r.pad_wear_fl_percent, s.pad_wear_fl_percent), COALESCE(r.pad_wear_fr_percent, s.pad_wear_fr_percent),
       COALESCE(r.pad_wear_rl_percent, s.pad_wear_rl_percent), COALESCE(r.pad_wear_rr_percent, s.pad_wear_rr_percent),
       COALESCE(r.battery_volts, s.battery_volts), COALESCE(r.tire_fl_kpa, s.tire_fl_kpa),
       COALESCE(r.tire_fr_kpa, s.tire_fr_kpa), COALESCE(r.tire_rl_kpa, s.tire_rl_kpa),
       COALESCE(r.tire_rr_kpa, s.tire_rr_kpa), COALESCE(r.tire_nominal_kpa, s.tire_nominal_kpa),
       COALESCE(r.distance_to_service_km, s.distance_to_service_km),
       COALESCE(r.time_to_service_s, s.time_to_service_s), COALESCE(r.dtcs, s.dtcs), NULL
FROM vehicle v
LEFT JOIN smart_service_report r ON r.vin = v.vin AND r.boot_id = v.state_boot_id AND r.sequence = v.state_sequence
LEFT JOIN vehicle_state s ON s.vin = v.vin AND s.boot_id = v.state_boot_id AND s.sequence = v.state_sequence
WHERE v.state_vehicle_time IS NOT NULL AND v.state_boot_id IS NOT NULL AND v.state_sequence IS NOT NULL;

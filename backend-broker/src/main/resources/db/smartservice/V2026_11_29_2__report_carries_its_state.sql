-- Smart Service. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- One row per report instead of two: the reported state moves from vehicle_state into the report row,
-- and the row no longer references uplink_message. The reference cost a lookup per insert and guarded
-- nothing the store does not: a report is written in the transaction that stores its message. Its
-- ON DELETE CASCADE tied the report's lifetime to the raw message's, but each service keeps its rows as
-- long as its own retention policy says (Smart Service: 30 years), so it deletes them itself.
-- (A table cannot drop an unnamed constraint portably, so the table is created anew and renamed.)
CREATE TABLE smart_service_report_with_state (
    vin                         VARCHAR(17) NOT NULL,
    boot_id                     BIGINT NOT NULL,
    sequence                    BIGINT NOT NULL,
    vehicle_time                TIMESTAMP WITH TIME ZONE NOT NULL,
    report_trigger              VARCHAR(16) NOT NULL,
    crossed_thresholds          VARCHAR(6600) NOT NULL,
    model_code                  VARCHAR(64),
    model_year                  INTEGER,
    -- FALSE for a report without state; then every reading below is NULL
    has_state                   BOOLEAN NOT NULL,
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
    PRIMARY KEY (vin, boot_id, sequence)
);

INSERT INTO smart_service_report_with_state (vin, boot_id, sequence, vehicle_time, report_trigger,
        crossed_thresholds, model_code, model_year, has_state, odometer_km, operating_hours,
        engine_oil_life_percent, pad_wear_fl_percent, pad_wear_fr_percent, pad_wear_rl_percent,
        pad_wear_rr_percent, battery_volts, tire_fl_kpa, tire_fr_kpa, tire_rl_kpa, tire_rr_kpa, tire_nominal_kpa,
        distance_to_service_km, time_to_service_s, dtcs)
SELECT r.vin, r.boot_id, r.sequence, m.vehicle_time, r.report_trigger, r.crossed_thresholds, r.model_code,
       r.model_year, s.vin IS NOT NULL, s.odometer_km, s.operating_hours, s.engine_oil_life_percent,
       s.pad_wear_fl_percent, s.pad_wear_fr_percent, s.pad_wear_rl_percent, s.pad_wear_rr_percent,
       s.battery_volts, s.tire_fl_kpa, s.tire_fr_kpa, s.tire_rl_kpa, s.tire_rr_kpa, s.tire_nominal_kpa,
       s.distance_to_service_km, s.time_to_service_s, s.dtcs
FROM smart_service_report r
JOIN uplink_message m ON m.vin = r.vin AND m.boot_id = r.boot_id AND m.sequence = r.sequence
LEFT JOIN vehicle_state s ON s.vin = r.vin AND s.boot_id = r.boot_id AND s.sequence = r.sequence;

-- vehicle_state keeps only the states no report carries (logins of wire schema v0); nothing writes it any more
DELETE FROM vehicle_state WHERE EXISTS (SELECT 1 FROM smart_service_report r
        WHERE r.vin = vehicle_state.vin AND r.boot_id = vehicle_state.boot_id AND r.sequence = vehicle_state.sequence);

DROP TABLE smart_service_report;
ALTER TABLE smart_service_report_with_state RENAME TO smart_service_report;

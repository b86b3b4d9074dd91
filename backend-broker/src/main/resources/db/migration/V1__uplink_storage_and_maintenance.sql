-- pcmsim backend schema v1. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- Times are TIMESTAMP WITH TIME ZONE (UTC instants); distances in km; pressures in kPa.

CREATE TABLE vehicle (
    vin             VARCHAR(17) PRIMARY KEY,
    first_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_boot_id    BIGINT NOT NULL,
    last_sequence   BIGINT NOT NULL,
    model_code      VARCHAR(64),
    model_year      INTEGER
);

-- Every stored uplink message once, identified by (vin, boot_id, sequence).
CREATE TABLE uplink_message (
    vin             VARCHAR(17) NOT NULL,
    boot_id         BIGINT NOT NULL,
    sequence        BIGINT NOT NULL,
    service         VARCHAR(32) NOT NULL,
    body            VARCHAR(32) NOT NULL,
    vehicle_time    TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    payload         BYTEA NOT NULL,
    PRIMARY KEY (vin, boot_id, sequence)
);

CREATE INDEX uplink_message_received_at ON uplink_message (received_at);

-- Decoded physical state of every message that carries one (login, smart-service, breakdown).
CREATE TABLE vehicle_state (
    vin                         VARCHAR(17) NOT NULL,
    boot_id                     BIGINT NOT NULL,
    sequence                    BIGINT NOT NULL,
    vehicle_time                TIMESTAMP WITH TIME ZONE NOT NULL,
    source                      VARCHAR(32) NOT NULL,
    odometer_km                 DOUBLE PRECISION NOT NULL,
    operating_hours             DOUBLE PRECISION NOT NULL,
    engine_oil_life_percent     DOUBLE PRECISION NOT NULL,
    pad_wear_fl_percent         DOUBLE PRECISION NOT NULL,
    pad_wear_fr_percent         DOUBLE PRECISION NOT NULL,
    pad_wear_rl_percent         DOUBLE PRECISION NOT NULL,
    pad_wear_rr_percent         DOUBLE PRECISION NOT NULL,
    battery_volts               DOUBLE PRECISION NOT NULL,
    tire_fl_kpa                 DOUBLE PRECISION NOT NULL,
    tire_fr_kpa                 DOUBLE PRECISION NOT NULL,
    tire_rl_kpa                 DOUBLE PRECISION NOT NULL,
    tire_rr_kpa                 DOUBLE PRECISION NOT NULL,
    tire_nominal_kpa            DOUBLE PRECISION NOT NULL,
    distance_to_service_km      DOUBLE PRECISION NOT NULL,
    time_to_service_s           BIGINT NOT NULL,
    dtcs                        VARCHAR(2000) NOT NULL,
    PRIMARY KEY (vin, boot_id, sequence),
    FOREIGN KEY (vin, boot_id, sequence) REFERENCES uplink_message (vin, boot_id, sequence) ON DELETE CASCADE
);

-- Smart Service specifics; the state is in vehicle_state under the same key.
CREATE TABLE smart_service_report (
    vin                 VARCHAR(17) NOT NULL,
    boot_id             BIGINT NOT NULL,
    sequence            BIGINT NOT NULL,
    report_trigger      VARCHAR(16) NOT NULL,
    crossed_thresholds  VARCHAR(2000) NOT NULL,
    PRIMARY KEY (vin, boot_id, sequence),
    FOREIGN KEY (vin, boot_id, sequence) REFERENCES uplink_message (vin, boot_id, sequence) ON DELETE CASCADE
);

-- The login ("birth") snapshot besides the state: model, settings, capabilities.
CREATE TABLE login (
    vin                             VARCHAR(17) NOT NULL,
    boot_id                         BIGINT NOT NULL,
    sequence                        BIGINT NOT NULL,
    model_code                      VARCHAR(64) NOT NULL,
    model_year                      INTEGER NOT NULL,
    privacy_mode                    BOOLEAN NOT NULL,
    group_with_location_enabled     BOOLEAN NOT NULL,
    group_without_location_enabled  BOOLEAN NOT NULL,
    disabled_services               VARCHAR(500) NOT NULL,
    live_diagnosis                  BOOLEAN NOT NULL,
    online_software_update          BOOLEAN NOT NULL,
    online_map_update               BOOLEAN NOT NULL,
    PRIMARY KEY (vin, boot_id, sequence),
    FOREIGN KEY (vin, boot_id, sequence) REFERENCES uplink_message (vin, boot_id, sequence) ON DELETE CASCADE
);

-- Installed software and maps as reported at login: kind SOFTWARE (name = control unit) or MAP (name = region).
CREATE TABLE login_version (
    vin         VARCHAR(17) NOT NULL,
    boot_id     BIGINT NOT NULL,
    sequence    BIGINT NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    name        VARCHAR(128) NOT NULL,
    version     VARCHAR(128) NOT NULL,
    PRIMARY KEY (vin, boot_id, sequence, kind, name),
    FOREIGN KEY (vin, boot_id, sequence) REFERENCES login (vin, boot_id, sequence) ON DELETE CASCADE
);

-- The current maintenance picture: the open needs derived from each vehicle's newest state.
CREATE TABLE maintenance_need (
    vin                 VARCHAR(17) NOT NULL,
    component           VARCHAR(32) NOT NULL,
    severity            VARCHAR(16) NOT NULL,
    due_km              DOUBLE PRECISION,
    due_date            DATE,
    reason              VARCHAR(500) NOT NULL,
    derived_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    source_boot_id      BIGINT NOT NULL,
    source_sequence     BIGINT NOT NULL,
    PRIMARY KEY (vin, component)
);

-- Smart Service. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- Every collection config the backend sent a car (CollectionConfig on down/smart-service), PENDING until
-- the car answers CollectionConfigApplied with its config_id, then APPLIED. A config the car refused
-- (it does not answer) stays PENDING.
CREATE TABLE smart_service_collection_config (
    config_id           VARCHAR(36) PRIMARY KEY,
    vin                 VARCHAR(17) NOT NULL,
    -- report interval in seconds; NULL: the config leaves the car's interval as it is
    interval_s          INTEGER,
    -- threshold limits as name=value pairs separated by ';' (names are lower-case words with dashes)
    thresholds          VARCHAR(2000) NOT NULL,
    state               VARCHAR(16) NOT NULL,
    -- the backend's clock when the config was sent (recorded just before the downlink left)
    sent_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the car's clock when it applied the config (the header of its CollectionConfigApplied)
    applied_at          TIMESTAMP WITH TIME ZONE,
    applied_boot_id     BIGINT,
    applied_sequence    BIGINT,
    CHECK (state IN ('PENDING', 'APPLIED'))
);
CREATE INDEX smart_service_collection_config_by_vin ON smart_service_collection_config (vin);

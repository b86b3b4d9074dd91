-- Online software update. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- A release's package is not stored: its bytes are generated again from content_seed and size_bytes, and
-- sha256 and signature (Ed25519, by the release key in the backend's data folder) let cars check them.
CREATE TABLE software_release (
    release_id        VARCHAR(36) PRIMARY KEY,
    model_code        VARCHAR(16) NOT NULL,
    -- component=version pairs separated by ';', in component order
    target            VARCHAR(1000) NOT NULL,
    size_bytes        INTEGER NOT NULL,
    chunk_size        INTEGER NOT NULL,
    content_seed      BIGINT NOT NULL,
    sha256            VARCHAR(64) NOT NULL,
    signature         VARCHAR(200) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE update_campaign (
    campaign_id       VARCHAR(36) PRIMARY KEY,
    release_id        VARCHAR(36) NOT NULL REFERENCES software_release (release_id),
    model_code        VARCHAR(16) NOT NULL,
    from_versions     VARCHAR(1000) NOT NULL,
    -- cars per wave, comma separated
    wave_sizes        VARCHAR(400) NOT NULL,
    failure_threshold DOUBLE PRECISION NOT NULL,
    min_results       INTEGER NOT NULL,
    state             VARCHAR(16) NOT NULL,
    current_wave      INTEGER NOT NULL,
    halt_reason       VARCHAR(200),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One car in one campaign; kept while the contract lasts (retention class software-update, by updated_at).
CREATE TABLE update_record (
    campaign_id       VARCHAR(36) NOT NULL,
    vin               VARCHAR(17) NOT NULL,
    wave              INTEGER NOT NULL,
    state             VARCHAR(16) NOT NULL,
    accepted          BOOLEAN NOT NULL,
    failure_reason    VARCHAR(200),
    offered_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (campaign_id, vin)
);
CREATE INDEX update_record_wave ON update_record (campaign_id, wave);
CREATE INDEX update_record_updated ON update_record (updated_at);
CREATE INDEX update_record_vin ON update_record (vin);

-- The versions each car reported last (query or install), per component.
CREATE TABLE installed_software (
    vin               VARCHAR(17) NOT NULL,
    component         VARCHAR(32) NOT NULL,
    version           VARCHAR(32) NOT NULL,
    reported_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (vin, component)
);
CREATE INDEX installed_software_reported ON installed_software (reported_at);

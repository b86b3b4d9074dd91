-- Online map update. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- map_key: the anonymous keys issued after the entitlement check of a VIN. The VIN is kept next to its keys
-- for one purpose only: to revoke a car's keys at the map provider (a new key at login, the entitlement
-- ended). The provider itself never learns the VIN.
CREATE TABLE map_key (
    anonymous_key  VARCHAR(32) PRIMARY KEY,
    vin            VARCHAR(17) NOT NULL,
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX map_key_vin ON map_key (vin);
CREATE INDEX map_key_issued ON map_key (issued_at);

-- map_transfer: each map package a car installed, documented by key as the map provider reports it. No VIN.
CREATE TABLE map_transfer (
    transfer_id     VARCHAR(36) PRIMARY KEY,
    anonymous_key   VARCHAR(32) NOT NULL,
    region          VARCHAR(7) NOT NULL,
    map_version     VARCHAR(24) NOT NULL,
    transferred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX map_transfer_key ON map_transfer (anonymous_key);
CREATE INDEX map_transfer_recorded ON map_transfer (recorded_at);

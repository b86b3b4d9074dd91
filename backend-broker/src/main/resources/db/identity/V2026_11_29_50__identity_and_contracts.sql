-- Identity and contracts. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- The identity registry (a user ID and the user's name), the link between a user and a VIN (one owner
-- per VIN, a user may own several), and the connectivity package of a VIN with its validity.
CREATE TABLE identity_user (
    user_id         VARCHAR(36) PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- TRUE for an owner the backend generated at a VIN's first login (auto-enrolment)
    auto_enrolled   BOOLEAN NOT NULL
);

CREATE TABLE vehicle_owner (
    vin             VARCHAR(17) PRIMARY KEY,
    user_id         VARCHAR(36) NOT NULL REFERENCES identity_user (user_id),
    linked_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX vehicle_owner_by_user ON vehicle_owner (user_id);

CREATE TABLE connectivity_package (
    vin             VARCHAR(17) PRIMARY KEY,
    package_name    VARCHAR(64) NOT NULL,
    valid_from      TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until     TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (valid_until > valid_from)
);

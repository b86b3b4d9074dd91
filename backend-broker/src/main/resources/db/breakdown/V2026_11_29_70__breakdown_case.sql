-- Breakdown call. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- One row per call: opened when the car's in-car report arrives, or when the app places a call (then
-- AWAITING_DATA until the car answers the data pull or the pull times out). The report is kept as the car
-- sent it (the BreakdownReport body, protobuf) for 7 days, like the raw payload in uplink_message;
-- position columns serve the dealer choice. Forwarding says, per recipient, whether the report may be seen
-- and, when not, why (no consent in this call, no dealer, no data).
CREATE TABLE breakdown_case (
    case_id                VARCHAR(36) PRIMARY KEY,
    vin                    VARCHAR(17) NOT NULL,
    call_id                VARCHAR(64) NOT NULL,
    call_trigger           VARCHAR(16) NOT NULL,
    pull_request_id        VARCHAR(64),
    opened_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    pull_deadline          TIMESTAMP WITH TIME ZONE,
    state                  VARCHAR(16) NOT NULL,
    state_reason           VARCHAR(200),
    consent_assistance     BOOLEAN NOT NULL,
    consent_dealer         BOOLEAN NOT NULL,
    assistance_forwarding  VARCHAR(24) NOT NULL,
    dealer_forwarding      VARCHAR(24) NOT NULL,
    live_diagnosis         BOOLEAN NOT NULL,
    dealer_id              VARCHAR(64),
    received_at            TIMESTAMP WITH TIME ZONE,
    vehicle_time           TIMESTAMP WITH TIME ZONE,
    latitude               DOUBLE PRECISION,
    longitude              DOUBLE PRECISION,
    report                 BYTEA,
    CONSTRAINT breakdown_case_call UNIQUE (vin, call_id)
);

CREATE INDEX breakdown_case_opened ON breakdown_case (opened_at);
CREATE INDEX breakdown_case_pull ON breakdown_case (pull_request_id);
CREATE INDEX breakdown_case_awaiting ON breakdown_case (state, pull_deadline);

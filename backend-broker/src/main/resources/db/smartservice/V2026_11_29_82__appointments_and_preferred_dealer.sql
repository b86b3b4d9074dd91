-- Smart Service. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- The owner's preferred dealer per VIN (an id of the dealer directory). Kept apart from the owner link
-- (vehicle_owner): the preference belongs to the car's service history and stays when the link changes.
CREATE TABLE smart_service_preferred_dealer (
    vin                 VARCHAR(17) PRIMARY KEY,
    dealer_id           VARCHAR(64) NOT NULL,
    set_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Workshop appointments, requested in the app (origin APP) or in the car (origin CAR), booked by the
-- dealer. A request from the car that cannot be served (no dealer named and none preferred, an unknown
-- dealer) is kept as REFUSED with the reason, so the owner sees it.
CREATE TABLE smart_service_appointment (
    appointment_id      VARCHAR(36) PRIMARY KEY,
    vin                 VARCHAR(17) NOT NULL,
    dealer_id           VARCHAR(64),
    origin              VARCHAR(8) NOT NULL,
    -- request_id of the car's AppointmentRequest; NULL for the app
    request_id          VARCHAR(64),
    state               VARCHAR(16) NOT NULL,
    preferred_date      DATE,
    navigate            BOOLEAN NOT NULL,
    -- NOT_REQUESTED, SENDING, SENT (the broker took the NavigationDestination) or FAILED
    navigation          VARCHAR(16) NOT NULL,
    -- the backend's clock
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    booked_at           TIMESTAMP WITH TIME ZONE,
    -- when the dealer expects the car
    booked_for          TIMESTAMP WITH TIME ZONE,
    note                VARCHAR(200) NOT NULL,
    CHECK (state IN ('REQUESTED', 'BOOKED', 'REFUSED')),
    CHECK (origin IN ('APP', 'CAR'))
);
CREATE INDEX smart_service_appointment_by_vin ON smart_service_appointment (vin);
CREATE INDEX smart_service_appointment_by_dealer ON smart_service_appointment (dealer_id);

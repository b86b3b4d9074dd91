-- Storage and retention. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- Which sequence numbers of a (VIN, boot) the retention job deleted, as a count and a range, so that the
-- count of sequence numbers missing at the backend tells lost messages from deleted ones. One row per boot
-- that lost messages to retention; the row goes with the boot's last stored message.
CREATE TABLE retired_sequence (
    vin             VARCHAR(17) NOT NULL,
    boot_id         BIGINT NOT NULL,
    deleted         BIGINT NOT NULL,
    min_sequence    BIGINT NOT NULL,
    max_sequence    BIGINT NOT NULL,
    PRIMARY KEY (vin, boot_id)
);

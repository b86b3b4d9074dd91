-- Session. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- The login row no longer references uplink_message: the reference cost a lookup per insert and guarded
-- nothing the store does not (a login is written in the transaction that stores its message), and its
-- ON DELETE CASCADE tied the login's lifetime to the raw message's, while the session keeps logins as
-- long as its own retention policy says (1 year). A table cannot drop an unnamed constraint portably,
-- so the table is created anew and renamed.
CREATE TABLE login_without_reference (
    vin                             VARCHAR(17) NOT NULL,
    boot_id                         BIGINT NOT NULL,
    sequence                        BIGINT NOT NULL,
    privacy_mode                    BOOLEAN NOT NULL,
    group_with_location_enabled     BOOLEAN NOT NULL,
    group_without_location_enabled  BOOLEAN NOT NULL,
    disabled_services               VARCHAR(6600) NOT NULL,
    live_diagnosis                  BOOLEAN NOT NULL,
    online_software_update          BOOLEAN NOT NULL,
    online_map_update               BOOLEAN NOT NULL,
    PRIMARY KEY (vin, boot_id, sequence)
);

INSERT INTO login_without_reference (vin, boot_id, sequence, privacy_mode, group_with_location_enabled,
        group_without_location_enabled, disabled_services, live_diagnosis, online_software_update,
        online_map_update)
SELECT vin, boot_id, sequence, privacy_mode, group_with_location_enabled, group_without_location_enabled,
       disabled_services, live_diagnosis, online_software_update, online_map_update
FROM login;

DROP TABLE login;
ALTER TABLE login_without_reference RENAME TO login;

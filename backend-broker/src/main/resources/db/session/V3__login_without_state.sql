-- pcmsim backend schema v3. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- (Moved from db/migration to the session handler's location; Flyway keys on version and script name, not location.)
-- The session login carries settings and capabilities only: the vehicle's state, model, software and
-- map versions travel in the messages of the services that need them (wire schema v1, reshaped).
-- The vehicle row's model now comes from the newest Smart Service report.

DROP TABLE login_version;
ALTER TABLE login DROP COLUMN model_code;
ALTER TABLE login DROP COLUMN model_year;

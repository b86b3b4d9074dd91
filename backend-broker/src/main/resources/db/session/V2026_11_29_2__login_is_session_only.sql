-- Session service. Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- A login carries the session only (driver settings, capabilities): no model, software or map versions.
-- The table itself was created by db/migration V1, before services owned their migrations.
ALTER TABLE login DROP COLUMN model_code;
ALTER TABLE login DROP COLUMN model_year;
DROP TABLE login_version;

-- pcmsim backend schema v5 (core). Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- The core keeps what every message says (key, times); the model is Smart Service data now
-- (smart_service_report.model_code, model_year), no longer copied from the login into the vehicle row.
ALTER TABLE vehicle DROP COLUMN model_code;
ALTER TABLE vehicle DROP COLUMN model_year;

-- The findings (the needs a vehicle's newest state shows) are derived from smart_service_vehicle when asked
-- (MaintenanceQueries) instead of being stored beside it: maintenance_need was rewritten for nearly every
-- report (its due distances and reasons move with the readings) and held nothing the newest state does not.
-- The needs as cases with a lifecycle stay in smart_service_need. The digest that spared unchanged need rows
-- their rewrite goes with them.
DROP TABLE maintenance_need;
ALTER TABLE smart_service_vehicle DROP COLUMN needs_hash;
ALTER TABLE smart_service_vehicle DROP COLUMN needs_changed;

-- PostgreSQL only: nearly every Smart Service report moves an open need's due distance, so its row is
-- updated about once per report. With room on its page (fill factor 50) PostgreSQL writes the new version
-- beside the old one without touching the three indexes (none of them covers a column that changes: a HOT
-- update), as migration 7 does for the vehicle rows. Applies to pages written from now on.
ALTER TABLE smart_service_need SET (fillfactor = 50);

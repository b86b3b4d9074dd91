-- A migration that fails on every database: DatabaseTest checks the error names it.
ALTER TABLE no_such_table ADD COLUMN x INTEGER;

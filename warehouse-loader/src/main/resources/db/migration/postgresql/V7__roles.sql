-- Group roles (PostgreSQL). They cannot log in: give people and services their own login roles
-- and make them members, e.g. CREATE ROLE query_api LOGIN PASSWORD '…' IN ROLE c360_reader.
-- Roles belong to the whole server, so each is created only if missing. Ownership and grants
-- are (re)applied after every migration by afterMigrate.sql.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'c360_loader') THEN
    CREATE ROLE c360_loader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'c360_reader') THEN
    CREATE ROLE c360_reader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'c360_scorer') THEN
    CREATE ROLE c360_scorer NOLOGIN IN ROLE c360_reader;
  END IF;
END
$$;

COMMENT ON ROLE c360_loader IS 'Owns the warehouse, analytics and ops schemas and everything in them; warehouse-loader runs as a member.';
COMMENT ON ROLE c360_reader IS 'Read-only: query-api, ml-scoring-service and notebook users.';
COMMENT ON ROLE c360_scorer IS 'c360_reader plus writing warehouse.churn_scores: ml-scoring-service.';

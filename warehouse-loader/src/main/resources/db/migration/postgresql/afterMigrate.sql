-- Runs after every migrate (PostgreSQL): the loader role owns every schema and relation, the
-- reader role may read them all, the scorer role may also write churn scores. Idempotent.
DO $$
DECLARE
  r RECORD;
BEGIN
  FOR r IN
    SELECT n.nspname, c.relname, c.relkind
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname IN ('warehouse', 'analytics', 'ops') AND c.relkind IN ('r', 'v', 'p')
  LOOP
    EXECUTE format(
      'ALTER %s %I.%I OWNER TO c360_loader',
      CASE r.relkind WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, r.nspname, r.relname);
  END LOOP;
END
$$;
ALTER SCHEMA warehouse OWNER TO c360_loader;
ALTER SCHEMA analytics OWNER TO c360_loader;
ALTER SCHEMA ops OWNER TO c360_loader;

GRANT USAGE ON SCHEMA warehouse, analytics, ops TO c360_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA warehouse, analytics, ops TO c360_reader;
GRANT INSERT, UPDATE, DELETE ON warehouse.churn_scores TO c360_scorer;

-- Runs after every migrate (Redshift): the reader role may read every table and view, the scorer
-- role may also write churn scores. The loader user owns everything it created. Idempotent.
GRANT USAGE ON SCHEMA warehouse TO ROLE c360_reader;
GRANT USAGE ON SCHEMA analytics TO ROLE c360_reader;
GRANT USAGE ON SCHEMA ops TO ROLE c360_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA warehouse TO ROLE c360_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO ROLE c360_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA ops TO ROLE c360_reader;
GRANT INSERT, UPDATE, DELETE ON warehouse.churn_scores TO ROLE c360_scorer;

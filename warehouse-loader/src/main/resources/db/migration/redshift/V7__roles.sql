-- Roles (Redshift role-based access control). warehouse-loader's database user runs these
-- migrations and so owns every schema and table; it needs the CREATE ROLE privilege once
-- (GRANT CREATE ROLE TO <loader user>). Grant the roles to users, e.g.
-- GRANT ROLE c360_reader TO query_api. Grants are (re)applied by afterMigrate.sql.
CREATE ROLE c360_reader;
CREATE ROLE c360_scorer;
GRANT ROLE c360_reader TO ROLE c360_scorer;

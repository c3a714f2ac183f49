-- The schemas of the warehouse. Flyway creates them before the first migration
-- (spring.flyway.schemas / WarehouseSchema.SCHEMAS: ops, warehouse, analytics). PostgreSQL only:
-- Redshift has no comments on schemas.

COMMENT ON SCHEMA warehouse IS 'Star schema loaded from gold by warehouse-loader: dimensions, facts, features, scores and dashboard aggregates.';
COMMENT ON SCHEMA analytics IS 'Documented views for analysts, dashboards and data scientists; the stable interface over the warehouse schema.';
COMMENT ON SCHEMA ops IS 'Operational tables of warehouse-loader: the load manifest and the loaded partitions.';

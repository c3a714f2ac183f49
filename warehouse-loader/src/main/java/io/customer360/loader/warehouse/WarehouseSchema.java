package io.customer360.loader.warehouse;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The Flyway layout of the warehouse schema: shared migrations in {@code db/migration/common},
 * flavour-specific DDL in {@code db/migration/postgresql} and {@code db/migration/redshift}, and
 * the history table in {@code ops}. The application migrates through Spring Boot's Flyway
 * auto-configuration with the same settings ({@code application.yaml}); tools and tests that run
 * without Spring use {@link #migrate}.
 */
public final class WarehouseSchema {

  /** Schemas Flyway manages; the first holds its history table. */
  public static final List<String> SCHEMAS = List.of("ops", "warehouse", "analytics");

  private WarehouseSchema() {}

  /** The migration locations of a flavour. */
  public static List<String> locations(WarehouseFlavour flavour) {
    return List.of("classpath:db/migration/common", "classpath:db/migration/" + flavour.vendor());
  }

  /** Migrates a warehouse database to the newest schema. */
  public static MigrateResult migrate(DataSource dataSource, WarehouseFlavour flavour) {
    return Flyway.configure()
        .dataSource(dataSource)
        .schemas(SCHEMAS.toArray(String[]::new))
        .locations(locations(flavour).toArray(String[]::new))
        .load()
        .migrate();
  }
}

package io.funnelql.api.cli;

import java.nio.file.Path;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * The options that say which warehouse a command works on and how it is opened. Each defaults to the
 * {@code funnelql.*} system property, then the {@code FUNNELQL_*} environment variable, then FunnelQL's
 * default, so that the commands and a server configured the same way read timestamps the same way.
 */
final class WarehouseOptions {

    @Option(names = "--db", paramLabel = "PATH",
            defaultValue = "${sys:funnelql.database:-${env:FUNNELQL_DATABASE:-./funnelql.duckdb}}",
            description = "The warehouse (a DuckDB file, created if missing). Default: ${DEFAULT-VALUE}")
    Path database = Path.of("funnelql.duckdb");

    @Option(names = "--time-zone", paramLabel = "ZONE",
            defaultValue = "${sys:funnelql.time-zone:-${env:FUNNELQL_TIME_ZONE:-UTC}}",
            description = "The workspace time zone (IANA name): timestamps without an offset are read in it. "
                    + "Default: ${DEFAULT-VALUE}")
    ZoneId timeZone = ZoneId.of("UTC");

    @Option(names = "--memory-limit", paramLabel = "SIZE",
            defaultValue = "${sys:funnelql.memory-limit:-${env:FUNNELQL_MEMORY_LIMIT}}",
            description = "DuckDB's memory limit, such as 4GB. Default: three quarters of the memory the JVM heap leaves")
    @Nullable String memoryLimit;

    @Option(names = "--threads", paramLabel = "N",
            defaultValue = "${sys:funnelql.threads:-${env:FUNNELQL_THREADS}}",
            description = "DuckDB's worker threads. Default: one per core")
    @Nullable Integer threads;

    WarehouseSettings settings() {
        String limit = memoryLimit == null || memoryLimit.isBlank() ? null : memoryLimit;
        return new WarehouseSettings(timeZone, limit, threads);
    }

    /**
     * Opens the warehouse.
     *
     * @throws io.funnelql.warehouse.WarehouseInUseException when a running server holds the file
     */
    Warehouse open() {
        return Warehouse.open(database, settings());
    }
}

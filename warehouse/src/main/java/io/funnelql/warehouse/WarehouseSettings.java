package io.funnelql.warehouse;

import java.time.ZoneId;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a warehouse is opened.
 *
 * @param timeZone the workspace time zone: timestamps without an offset (and bare dates) are read in it
 * @param memoryLimit DuckDB's {@code memory_limit} (for example {@code "4GB"}); {@code null}: three quarters of the
 *        memory the JVM's heap leaves on the machine
 * @param threads DuckDB's {@code threads}; {@code null} keeps DuckDB's default (one per core)
 */
public record WarehouseSettings(ZoneId timeZone, @Nullable String memoryLimit, @Nullable Integer threads) {

    public WarehouseSettings {
        Objects.requireNonNull(timeZone, "timeZone");
        if (memoryLimit != null && !memoryLimit.matches("(?i)\\d+(\\.\\d+)?\\s*(B|KB|KIB|MB|MIB|GB|GIB|TB|TIB)")) {
            throw new IllegalArgumentException("memory limit must look like 4GB or 512MB, got '" + memoryLimit + "'");
        }
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** UTC, the default memory limit, DuckDB's own thread default. */
    public static WarehouseSettings defaults() {
        return new WarehouseSettings(ZoneId.of("UTC"), null, null);
    }

    public WarehouseSettings withTimeZone(ZoneId zone) {
        return new WarehouseSettings(zone, memoryLimit, threads);
    }
}

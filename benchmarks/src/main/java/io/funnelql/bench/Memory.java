package io.funnelql.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import io.funnelql.warehouse.Warehouse;

/**
 * The process's memory, as Linux counts it: the peak resident set ({@code VmHWM} in
 * {@code /proc/self/status}), reset between phases ({@code 5} to {@code /proc/self/clear_refs}) so each
 * phase's peak is its own. Elsewhere than on Linux the peak reads as unknown.
 */
final class Memory {

    private Memory() {
    }

    /** Starts a new peak from the current resident set; does nothing where Linux's interface is missing. */
    static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // No peak reset: the peaks printed are then each the peak since the start.
        }
    }

    /** The peak resident set since the last reset, in bytes; -1 when unknown. */
    static long peakBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The machine's memory in bytes (MemTotal); -1 when unknown. */
    static long machineBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The 1-minute load average; -1 when unknown. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * DuckDB's own account: its memory limit setting and what its buffer manager holds now
     * ({@code duckdb_memory()}), with what it has spilled to temporary files.
     */
    static String duckDb(Warehouse warehouse) throws SQLException {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('memory_limit'), sum(memory_usage_bytes), "
                     + "sum(temporary_storage_bytes) FROM duckdb_memory()")) {
            rs.next();
            return String.format(Locale.ROOT, "memory_limit %s, duckdb_memory() %s in use, %s in temporary files",
                    rs.getString(1), gigabytes(rs.getLong(2)), gigabytes(rs.getLong(3)));
        }
    }

    static String gigabytes(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}

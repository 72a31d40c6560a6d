package io.funnelql.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;
import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.LoadResult;
import io.funnelql.warehouse.load.Loader;

/**
 * {@code load}: how fast {@link Loader#load} reads a contacts CSV compared with DuckDB's own
 * {@code COPY} of the same file into a plain table with the same columns.
 *
 * <p>Each run starts from a fresh warehouse file; only the load itself is timed (opening the warehouse and
 * creating its schema are not). Runs alternate between the contenders so that a burst of load from other
 * processes hits them alike; the median of each is reported. The ratio is against COPY with DuckDB's
 * defaults; COPY without insertion order is printed beside it for reference. Every contender runs under
 * the same memory limit: the one given, or else the one a FunnelQL warehouse gets by default.
 */
final class LoadBenchmark {

    private final long rows;
    private final Path dir;
    private final boolean keep;
    private final int runs;
    private final @Nullable String memoryLimit;

    /**
     * What one comparison measured: the median seconds of each contender over the same file.
     *
     * @param rows rows in the file
     * @param copy DuckDB's COPY with its defaults
     * @param unordered COPY without insertion order
     * @param funnelql FunnelQL's Loader
     */
    record Result(long rows, double copy, double unordered, double funnelql) {

        double copyRowsPerSecond() {
            return rows / copy;
        }

        double funnelqlRowsPerSecond() {
            return rows / funnelql;
        }

        /** FunnelQL's rows per second over COPY's; the goal is 0.6 or more. */
        double ratio() {
            return copy / funnelql;
        }
    }

    /** @param memoryLimit DuckDB's memory limit for every contender; {@code null}: a FunnelQL warehouse's default */
    LoadBenchmark(long rows, Path dir, boolean keep, int runs, @Nullable String memoryLimit) {
        this.rows = rows;
        this.dir = dir;
        this.keep = keep;
        this.runs = runs;
        this.memoryLimit = memoryLimit;
    }

    /** Runs the comparison, printing each run and the medians to {@code out}. */
    Result run(PrintStream out) throws IOException, SQLException {
        String copyLimit = memoryLimit != null ? memoryLimit : warehouseDefaultLimit();
        long started = System.nanoTime();
        Path csv = ContactsCsv.ensure(dir, rows);
        double generated = seconds(System.nanoTime() - started);
        out.printf(Locale.ROOT, "FunnelQL load benchmark, %s, %d cores, DuckDB %s, Java %s%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), duckDbVersion(), System.getProperty("java.version"));
        out.printf(Locale.ROOT, "input: %s (%,d rows, %,.1f MB%s)%n", csv, rows, Files.size(csv) / 1e6,
                generated > 1 ? String.format(Locale.ROOT, ", generated in %.1f s", generated) : ", reused");
        List<Double> copy = new ArrayList<>();
        List<Double> unordered = new ArrayList<>();
        List<Double> funnelql = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            double c = timeCopy(csv, dir.resolve("copy-" + run + ".duckdb"), true, copyLimit);
            double u = timeCopy(csv, dir.resolve("copy-unordered-" + run + ".duckdb"), false, copyLimit);
            double f = timeLoader(csv, dir.resolve("funnelql-" + run + ".duckdb"));
            copy.add(c);
            unordered.add(u);
            funnelql.add(f);
            out.printf(Locale.ROOT, "run %d: COPY %.2f s, COPY unordered %.2f s, FunnelQL %.2f s%n", run, c, u, f);
        }
        double copyRate = rows / median(copy);
        double unorderedRate = rows / median(unordered);
        double funnelqlRate = rows / median(funnelql);
        out.printf(Locale.ROOT, "DuckDB COPY                median %6.2f s  %,12.0f rows/s%n", median(copy), copyRate);
        out.printf(Locale.ROOT, "DuckDB COPY, unordered     median %6.2f s  %,12.0f rows/s%n", median(unordered), unorderedRate);
        out.printf(Locale.ROOT, "FunnelQL Loader            median %6.2f s  %,12.0f rows/s%n", median(funnelql), funnelqlRate);
        out.printf(Locale.ROOT, "ratio FunnelQL / COPY: %.2f (FunnelQL / unordered COPY: %.2f)%n",
                funnelqlRate / copyRate, funnelqlRate / unorderedRate);
        return new Result(rows, median(copy), median(unordered), median(funnelql));
    }

    /**
     * DuckDB's COPY with its default settings, or with {@code preserve_insertion_order = false}, the setting
     * FunnelQL's loader uses (rows of a table have no order to keep); the second shows how much of the
     * loader's speed comes from that setting alone.
     */
    private double timeCopy(Path csv, Path database, boolean preserveOrder, String memoryLimit) throws IOException, SQLException {
        delete(database);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
                statement.execute("SET memory_limit = '" + memoryLimit.replace(" ", "") + "'");
                statement.execute(preserveOrder ? "SET preserve_insertion_order = true" : "SET preserve_insertion_order = false");
                statement.execute(ContactsCsv.PLAIN_TABLE);
            }
            long start = System.nanoTime();
            try (PreparedStatement copy = connection.prepareStatement("COPY plain_contacts FROM ? (FORMAT csv, HEADER)")) {
                copy.setString(1, csv.toString());
                copy.execute();
            }
            double elapsed = seconds(System.nanoTime() - start);
            check(connection, "SELECT count(*) FROM plain_contacts");
            return elapsed;
        } finally {
            cleanUp(database);
        }
    }

    private double timeLoader(Path csv, Path database) throws IOException {
        delete(database);
        try (Warehouse warehouse = Warehouse.open(database, new WarehouseSettings(WarehouseSettings.defaults().timeZone(), memoryLimit, null))) {
            long start = System.nanoTime();
            LoadResult result = new Loader(warehouse).load(LoadRequest.of(Dataset.CONTACTS, csv));
            double elapsed = seconds(System.nanoTime() - start);
            if (result.rows() != rows || result.duplicate()) {
                throw new IllegalStateException("the loader reported " + result + ", expected " + rows + " new rows");
            }
            return elapsed;
        } finally {
            cleanUp(database);
        }
    }

    private void check(Connection connection, String countQuery) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(countQuery)) {
            rs.next();
            if (rs.getLong(1) != rows) {
                throw new IllegalStateException("COPY stored " + rs.getLong(1) + " rows, expected " + rows);
            }
        }
    }

    private void cleanUp(Path database) throws IOException {
        if (!keep) {
            delete(database);
        }
    }

    private static void delete(Path database) throws IOException {
        Files.deleteIfExists(database);
        Files.deleteIfExists(database.resolveSibling(database.getFileName() + ".wal"));
    }

    /** The memory limit a FunnelQL warehouse gets without one given, so that COPY runs under the same. */
    private static String warehouseDefaultLimit() throws SQLException {
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
             Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('memory_limit')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String duckDbVersion() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}

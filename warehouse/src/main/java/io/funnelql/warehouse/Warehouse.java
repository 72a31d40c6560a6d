package io.funnelql.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

import io.funnelql.warehouse.rollup.FunnelRollups;
import io.funnelql.warehouse.rollup.RevenueRollups;
import io.funnelql.warehouse.rollup.SessionRollups;

/**
 * One warehouse: an embedded DuckDB database (a file, or memory for tests) with the FunnelQL schema.
 *
 * <p>Thread-safe. {@link #connect()} hands out a new connection to the same database for each caller
 * (DuckDB's {@code duplicate()}), so readers run in parallel and each sees a consistent snapshot. Writes
 * go through {@link #writeLock()} so that two loads never interleave. Nothing here is global: an
 * application may hold one warehouse per workspace.
 */
public final class Warehouse implements AutoCloseable {

    private static final Pattern LOCK_HOLDER = Pattern.compile("Conflicting lock is held in (.*?)(?:\\.|$)");

    private final @Nullable Path path;
    private final WarehouseSettings settings;
    private final DuckDBConnection root;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ReentrantReadWriteLock commits = new ReentrantReadWriteLock(true);
    private final AtomicLong dataVersion = new AtomicLong();

    private Warehouse(@Nullable Path path, WarehouseSettings settings, DuckDBConnection root) {
        this.path = path;
        this.settings = settings;
        this.root = root;
    }

    /**
     * Opens (creating if missing) the warehouse file, brings its schema up to date and marks loads that a
     * crash interrupted as failed.
     *
     * @throws WarehouseInUseException if another process holds the file
     */
    public static Warehouse open(Path file, WarehouseSettings settings) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new WarehouseException("Cannot create the directory for warehouse " + absolute + ": " + e.getMessage(), e);
        }
        return start(absolute, "jdbc:duckdb:" + absolute, settings);
    }

    /** A warehouse that lives in memory only; for tests and throw-away work. */
    public static Warehouse inMemory(WarehouseSettings settings) {
        return start(null, "jdbc:duckdb:", settings);
    }

    private static Warehouse start(@Nullable Path path, String url, WarehouseSettings settings) {
        DuckDBConnection root;
        try {
            Properties properties = new Properties();
            // Keep DuckDB from fetching extensions at run time: everything needed is linked in.
            properties.setProperty("autoinstall_known_extensions", "false");
            properties.setProperty("autoload_known_extensions", "false");
            root = (DuckDBConnection) DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (path != null && message.contains("Could not set lock")) {
                Matcher holder = LOCK_HOLDER.matcher(message);
                throw new WarehouseInUseException(path, holder.find() ? holder.group(1) : "unknown process");
            }
            throw new WarehouseException("Cannot open warehouse " + (path == null ? "in memory" : path) + ": " + message, e);
        }
        Warehouse warehouse = new Warehouse(path, settings, root);
        try {
            warehouse.configure();
            Schema.migrate(root);
            warehouse.recoverInterruptedLoads();
            FunnelRollups.ensureZone(root, settings.timeZone());
            RevenueRollups.ensureZone(root, settings.timeZone());
            SessionRollups.ensureZone(root, settings.timeZone());
            warehouse.dataVersion.set(warehouse.readDataVersion());
        } catch (SQLException | RuntimeException e) {
            warehouse.close();
            if (e instanceof WarehouseException w) {
                throw w;
            }
            throw new WarehouseException("Cannot prepare warehouse " + warehouse.describe() + ": " + e.getMessage(), e);
        }
        return warehouse;
    }

    private void configure() throws SQLException {
        try (Statement statement = root.createStatement()) {
            String limit = settings.memoryLimit() != null ? settings.memoryLimit().replace(" ", "") : defaultMemoryLimit();
            statement.execute("SET memory_limit = '" + limit + "'");
            if (settings.threads() != null) {
                statement.execute("SET threads = " + settings.threads().intValue());
            }
        }
    }

    /**
     * Three quarters of the memory the JVM's largest heap leaves on the machine (at least 256 MB): DuckDB's
     * own default, 80% of the machine, takes no account of the heap beside it.
     */
    static String defaultMemoryLimit() {
        long physical = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        long free = physical - Runtime.getRuntime().maxMemory();
        long megabytes = Math.max(256, free / 4 * 3 / (1024 * 1024));
        return megabytes + "MB";
    }

    private void recoverInterruptedLoads() throws SQLException {
        try (Statement statement = root.createStatement()) {
            // A load that was running when the process died never committed its rows (DuckDB rolled the
            // transaction back on restart); only its history row is left to close.
            statement.executeUpdate("""
                    UPDATE loads SET status = 'failed', error = 'interrupted: the process stopped before the load committed'
                    WHERE status = 'running'""");
        }
    }

    private long readDataVersion() throws SQLException {
        try (Statement statement = root.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(load_id), 0) FROM loads WHERE status = 'committed'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A new connection to this warehouse; the caller closes it. Its time zone is UTC so that no
     * conversion depends on session state: queries name the zone they compute in.
     */
    public Connection connect() {
        try {
            Connection connection = root.duplicate();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
            }
            return connection;
        } catch (SQLException e) {
            throw new WarehouseException("Cannot connect to warehouse " + describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A connection for reading reports: while it is open, no load commits (see {@link #readLock()}). The
     * caller closes it, which lets commits through again; keep it no longer than the reading takes.
     */
    public Connection reader() {
        Lock lock = commits.readLock();
        lock.lock();
        try {
            return ReaderConnection.wrap(connect(), lock);
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    /** Held by every writer (loads, generation) so that writes never interleave. */
    public ReentrantLock writeLock() {
        return writeLock;
    }

    /**
     * Held, shared, by every statement that reads reports while it runs, and exclusively by the commit of a
     * load. DuckDB 1.5 can let a statement that runs while a large transaction commits read some of that
     * transaction's rows without applying the statement's own filter to them (seen under load: rollup rows
     * dated outside the range asked for). Keeping reads and commits apart avoids it; reads still run during
     * the whole of a load, and only wait while its commit takes place.
     */
    public Lock readLock() {
        return commits.readLock();
    }

    /** Taken by a load for its commit; see {@link #readLock()}. */
    public Lock commitLock() {
        return commits.writeLock();
    }

    /**
     * The id of the newest committed load: it changes whenever the data does, so it can key caches.
     */
    public long dataVersion() {
        return dataVersion.get();
    }

    /** Called by a writer once its load is committed, still holding {@link #commitLock()}. */
    public void committed(long loadId) {
        dataVersion.accumulateAndGet(loadId, Math::max);
    }

    public WarehouseSettings settings() {
        return settings;
    }

    /** The warehouse file, empty for an in-memory warehouse. */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** The file path, or "in memory"; for messages. */
    public String describe() {
        return path == null ? "(in memory)" : path.toString();
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            throw new WarehouseException("Cannot close warehouse " + describe() + ": " + e.getMessage(), e);
        }
    }
}

package io.funnelql.warehouse.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;
import io.funnelql.warehouse.load.HeaderResolver.Binding;

/**
 * Loads files into a warehouse: all of a file's rows or none.
 *
 * <p>A load reads the file with DuckDB's own readers, stamps every row with a new {@code load_id} in the
 * dataset's raw table and makes those rows the current version of their records, in one transaction.
 * If anything is wrong with the input, nothing is kept and {@link LoadRejectedException} lists every
 * problem with its line and column. Identical content loaded again into the same dataset is a no-op
 * answered as a duplicate. Loads into one warehouse run one at a time.
 */
public final class Loader {

    private final Warehouse warehouse;

    public Loader(Warehouse warehouse) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    }

    /**
     * Loads one file.
     *
     * @throws LoadRejectedException when the input has problems; the warehouse is unchanged
     * @throws WarehouseException when the load failed for another reason; the warehouse is unchanged
     */
    public LoadResult load(LoadRequest request) {
        InputFormat format = InputFormat.detect(request.file(), request.fileName());
        String sha256 = sha256(request.file());
        String mapping = request.mapping().describe();
        warehouse.writeLock().lock();
        try (Connection connection = warehouse.connect()) {
            Optional<LoadResult> duplicate = findDuplicate(connection, request.dataset(), sha256, mapping);
            if (duplicate.isPresent()) {
                return duplicate.get();
            }
            long loadId = begin(connection, request.dataset(), request.fileName(), format.name(), sha256, mapping);
            try {
                long rows = run(connection, request, format, loadId);
                warehouse.committed(loadId);
                return new LoadResult(loadId, request.dataset(), rows, false);
            } catch (LoadRejectedException e) {
                fail(connection, loadId, e.getMessage());
                throw e;
            } catch (SQLException | RuntimeException e) {
                String message = e instanceof SQLException sql ? DuckDbMessages.clean(sql) : String.valueOf(e.getMessage());
                fail(connection, loadId, message);
                throw e instanceof WarehouseException w ? w
                        : new WarehouseException("Loading " + request.fileName() + " failed, nothing was loaded: " + message, e);
            }
        } catch (SQLException e) {
            throw new WarehouseException("Loading " + request.fileName() + " failed: " + DuckDbMessages.clean(e), e);
        } finally {
            warehouse.writeLock().unlock();
        }
    }

    /**
     * Loads the rows of a query that FunnelQL itself wrote (the synthetic data generator), with the same
     * history, raw and current handling as a file. The query must produce every stored column of the
     * dataset by name, with valid values and unique keys; it is trusted and not checked row by row.
     *
     * @param label what the load history shows as the file name ({@code generated:seed=42})
     * @param fingerprint identifies the content for duplicate detection (the generator's parameters)
     */
    public LoadResult loadQuery(Dataset dataset, String query, String label, String fingerprint) {
        warehouse.writeLock().lock();
        try (Connection connection = warehouse.connect()) {
            String sha256 = sha256(fingerprint.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Optional<LoadResult> duplicate = findDuplicate(connection, dataset, sha256, "");
            if (duplicate.isPresent()) {
                return duplicate.get();
            }
            long loadId = begin(connection, dataset, label, "GENERATED", sha256, "");
            connection.setAutoCommit(false);
            try {
                setWorkspaceTimeZone(connection);
                long rows = LoadSql.insertRawFromQuery(connection, dataset, query, loadId);
                LoadSql.refreshCurrent(connection, dataset, loadId);
                commit(connection, loadId, rows);
                warehouse.committed(loadId);
                return new LoadResult(loadId, dataset, rows, false);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                connection.setAutoCommit(true);
                String message = e instanceof SQLException sql ? DuckDbMessages.clean(sql) : String.valueOf(e.getMessage());
                fail(connection, loadId, message);
                throw new WarehouseException("Generating " + dataset.id() + " failed, nothing was loaded: " + message, e);
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new WarehouseException("Generating " + dataset.id() + " failed: " + DuckDbMessages.clean(e), e);
        } finally {
            warehouse.writeLock().unlock();
        }
    }

    private long run(Connection connection, LoadRequest request, InputFormat format, long loadId) throws SQLException {
        Dataset dataset = request.dataset();
        setWorkspaceTimeZone(connection);
        // Opened outside the load's transaction: an Arrow input's temporary copy must outlive a rollback.
        InputRelation input = InputRelation.open(connection, format, request.file(), request.fileName());
        List<Binding> bindings = HeaderResolver.resolve(dataset, input.headers(), request.mapping(), request.fileName());
        connection.setAutoCommit(false);
        try {
            long rows;
            try {
                rows = LoadSql.insertRaw(connection, dataset, input, bindings, loadId);
                if (rows > 0 && LoadSql.countProblems(connection, dataset, loadId) > 0) {
                    throw new SQLException("the input breaks a rule");
                }
            } catch (SQLException failed) {
                connection.rollback();
                // Outside any transaction, so the diagnostic copy numbers its rows from 0.
                connection.setAutoCommit(true);
                LoadRejectedException problems = Diagnosis.diagnose(connection, dataset, input, bindings, request.file());
                if (problems.totalProblems() > 0) {
                    throw problems;
                }
                throw failed;
            }
            if (rows == 0) {
                throw new LoadRejectedException(LoadProblem.ofFile(request.fileName(),
                        "the file has a header but no data rows; nothing to load"));
            }
            LoadSql.refreshCurrent(connection, dataset, loadId);
            commit(connection, loadId, rows);
            return rows;
        } catch (SQLException | RuntimeException e) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void setWorkspaceTimeZone(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // A ZoneId's text is letters, digits and / _ + - only.
            statement.execute("SET TimeZone = '" + warehouse.settings().timeZone().getId() + "'");
        }
    }

    private static Optional<LoadResult> findDuplicate(Connection connection, Dataset dataset, String sha256, String mapping)
            throws SQLException {
        try (PreparedStatement find = connection.prepareStatement("""
                SELECT load_id, row_count FROM loads
                WHERE dataset = ? AND sha256 = ? AND mapping = ? AND status = 'committed'
                ORDER BY load_id LIMIT 1""")) {
            find.setString(1, dataset.id());
            find.setString(2, sha256);
            find.setString(3, mapping);
            try (ResultSet rs = find.executeQuery()) {
                return rs.next() ? Optional.of(new LoadResult(rs.getLong(1), dataset, rs.getLong(2), true)) : Optional.empty();
            }
        }
    }

    /** Records the load as running, in its own transaction, so that a crash leaves a trace to close. */
    static long begin(Connection connection, Dataset dataset, String fileName, String format, String sha256, String mapping)
            throws SQLException {
        long loadId;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT nextval('load_ids')")) {
            rs.next();
            loadId = rs.getLong(1);
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO loads (load_id, dataset, file_name, format, sha256, mapping, started_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'running')""")) {
            insert.setLong(1, loadId);
            insert.setString(2, dataset.id());
            insert.setString(3, fileName);
            insert.setString(4, format);
            insert.setString(5, sha256);
            insert.setString(6, mapping);
            insert.setObject(7, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return loadId;
    }

    /** Marks the load committed and commits the transaction; committed_at is taken just before the commit. */
    static void commit(Connection connection, long loadId, long rows) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE loads SET status = 'committed', committed_at = ?, row_count = ? WHERE load_id = ?")) {
            update.setObject(1, Timestamp.from(Instant.now()));
            update.setLong(2, rows);
            update.setLong(3, loadId);
            update.executeUpdate();
        }
        connection.commit();
    }

    private static void fail(Connection connection, long loadId, String error) {
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE loads SET status = 'failed', error = ? WHERE load_id = ?")) {
                update.setString(1, error.length() > 4000 ? error.substring(0, 4000) + "…" : error);
                update.setLong(2, loadId);
                update.executeUpdate();
            }
        } catch (SQLException ignored) {
            // The history row stays 'running' and is closed as interrupted on the next start.
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new WarehouseException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

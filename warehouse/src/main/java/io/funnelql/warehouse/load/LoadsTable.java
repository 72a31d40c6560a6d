package io.funnelql.warehouse.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.Lock;

import org.jspecify.annotations.Nullable;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;

/** The load history's rows as loads write them: begun, committed or failed, and duplicate detection. */
final class LoadsTable {

    private static final String FIND_DUPLICATE = """
            SELECT load_id, row_count FROM loads
            WHERE dataset = ? AND sha256 = ? AND mapping = ? AND status = 'committed'
            ORDER BY load_id LIMIT 1""";

    private static final String SAME_SIZE = """
            SELECT EXISTS (SELECT 1 FROM loads
                           WHERE dataset = ? AND mapping = ? AND status = 'committed' AND format <> 'GENERATED'
                             AND (byte_count = ? OR byte_count IS NULL))""";

    private static final String BEGIN = """
            INSERT INTO loads (load_id, dataset, file_name, format, sha256, mapping, byte_count, started_at, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running')""";

    private static final String COMMIT = """
            UPDATE loads SET status = 'committed', committed_at = ?, row_count = ?, sha256 = ? WHERE load_id = ?""";

    private static final String FAIL = "UPDATE loads SET status = 'failed', error = ?, sha256 = ? WHERE load_id = ?";

    private static final int MAX_ERROR_LENGTH = 4000;

    private LoadsTable() {
    }

    /** The committed load of the same content into the same dataset with the same header mapping, if any. */
    static Optional<LoadResult> findDuplicate(Connection connection, Dataset dataset, String sha256, String mapping)
            throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND_DUPLICATE)) {
            find.setString(1, dataset.id());
            find.setString(2, sha256);
            find.setString(3, mapping);
            try (ResultSet rs = find.executeQuery()) {
                return rs.next() ? Optional.of(new LoadResult(rs.getLong(1), dataset, rs.getLong(2), true)) : Optional.empty();
            }
        }
    }

    /**
     * False when no committed load could have had the same content: none of the dataset's loads with this
     * mapping had this many bytes (loads recorded before sizes were kept count as possible).
     */
    static boolean maybeDuplicate(Connection connection, Dataset dataset, String mapping, long bytes) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(SAME_SIZE)) {
            find.setString(1, dataset.id());
            find.setString(2, mapping);
            find.setLong(3, bytes);
            try (ResultSet rs = find.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Records the load as running, in its own transaction, so that a crash leaves a trace to close. The
     * digest may still be unknown (empty); {@link #commit} records it.
     */
    static long begin(Connection connection, Dataset dataset, String fileName, String format, String sha256,
                      String mapping, @Nullable Long bytes) throws SQLException {
        long loadId;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT nextval('load_ids')")) {
            rs.next();
            loadId = rs.getLong(1);
        }
        try (PreparedStatement insert = connection.prepareStatement(BEGIN)) {
            insert.setLong(1, loadId);
            insert.setString(2, dataset.id());
            insert.setString(3, fileName);
            insert.setString(4, format);
            insert.setString(5, sha256);
            insert.setString(6, mapping);
            insert.setObject(7, bytes);
            insert.setObject(8, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return loadId;
    }

    /**
     * Marks the load committed and commits the transaction. committed_at is taken under the commit lock, just
     * before the commit: no report reads meanwhile, so a report that reads at an instant sees exactly the loads
     * whose committed_at is at or before it, and a knownAt of that instant later gives the same numbers. The
     * warehouse's data version moves on under the same lock, so a reader that holds the read lock always finds
     * the version of exactly the data it reads.
     */
    static void commit(Connection connection, Warehouse warehouse, long loadId, long rows, String sha256)
            throws SQLException {
        Lock commitLock = warehouse.commitLock();
        commitLock.lock();
        try {
            try (PreparedStatement update = connection.prepareStatement(COMMIT)) {
                update.setObject(1, Timestamp.from(Instant.now()));
                update.setLong(2, rows);
                update.setString(3, sha256);
                update.setLong(4, loadId);
                update.executeUpdate();
            }
            connection.commit();
            warehouse.committed(loadId);
        } finally {
            commitLock.unlock();
        }
    }

    /** Marks the load failed, outside any transaction; best effort. */
    static void fail(Connection connection, long loadId, String error, String sha256) {
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement update = connection.prepareStatement(FAIL)) {
                update.setString(1, error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) + "…" : error);
                update.setString(2, sha256);
                update.setLong(3, loadId);
                update.executeUpdate();
            }
        } catch (SQLException ignored) {
            // The history row stays 'running' and is closed as interrupted on the next start.
        }
    }
}

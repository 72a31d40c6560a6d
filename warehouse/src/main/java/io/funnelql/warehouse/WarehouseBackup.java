package io.funnelql.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies a warehouse that is in use into a new file: DuckDB's {@code ATTACH} and {@code COPY FROM DATABASE}, in one
 * transaction, so the copy is the warehouse as one moment saw it (a load under way is in it whole or not at all),
 * with every table, view, sequence and constraint. Loads and reports go on meanwhile. The copy is a warehouse
 * file like any other: restore it by serving it, or copying it over the original while the server is stopped.
 */
public final class WarehouseBackup {

    private static final AtomicLong ATTACHED = new AtomicLong();

    private WarehouseBackup() {
    }

    /**
     * Writes the copy.
     *
     * @param target a file that does not exist yet; its directory is created if missing
     * @return the copy's size in bytes
     * @throws WarehouseException if the target exists or cannot be written; a partial copy is deleted
     */
    public static long copy(Warehouse warehouse, Path target) {
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw new WarehouseException("The backup " + file + " exists already; choose a new file");
        }
        String alias = "funnelql_backup_" + ATTACHED.incrementAndGet();
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
                String source;
                try (ResultSet rs = statement.executeQuery("SELECT current_database()")) {
                    rs.next();
                    source = rs.getString(1);
                }
                // ATTACH takes no parameters; the path is the server's own choice, quoted as a literal.
                statement.execute("ATTACH '" + file.toString().replace("'", "''") + "' AS " + alias);
                try {
                    statement.execute("COPY FROM DATABASE \"" + source.replace("\"", "\"\"") + "\" TO " + alias);
                } finally {
                    statement.execute("DETACH " + alias);
                }
            }
            return Files.size(file);
        } catch (SQLException | IOException e) {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
            } catch (IOException ignored) {
                // Nothing more to clean up; the message below says what failed.
            }
            throw new WarehouseException("Cannot back up warehouse " + warehouse.describe() + " to " + file + ": "
                    + e.getMessage(), e);
        }
    }
}

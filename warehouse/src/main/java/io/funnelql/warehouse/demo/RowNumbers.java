package io.funnelql.warehouse.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * A scratch table of row numbers 0..n-1 in an in-memory database attached to the warehouse for the
 * length of a generation; the contacts and sessions queries read their row numbers from it.
 *
 * <p>Why not {@code range(n)}: DuckDB runs a pipeline whose source is {@code range()} on one thread, however
 * heavy the expressions above it, while a table scan is split by row groups across all threads. The
 * table costs about 8 bytes a row of memory (a second for a hundred million rows) and is detached when
 * the generation ends, so the warehouse file never sees it.
 */
final class RowNumbers implements AutoCloseable {

    /** The table, as the queries name it. */
    static final String TABLE = "funnelql_generator.row_numbers";

    private static final String ATTACH = "ATTACH IF NOT EXISTS ':memory:' AS funnelql_generator";
    private static final String CREATE = "CREATE OR REPLACE TABLE " + TABLE + " AS SELECT i FROM range(%d) t(i)";
    private static final String DETACH = "DETACH DATABASE IF EXISTS funnelql_generator";

    private final Warehouse warehouse;

    private RowNumbers(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Attaches the scratch database (to the whole warehouse, so loads see it) and fills the table. */
    static RowNumbers create(Warehouse warehouse, long count) {
        run(warehouse, ATTACH, String.format(Locale.ROOT, CREATE, count));
        return new RowNumbers(warehouse);
    }

    @Override
    public void close() {
        run(warehouse, DETACH);
    }

    private static void run(Warehouse warehouse, String... statements) {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new WarehouseException("Cannot prepare the generator's row numbers in warehouse " + warehouse.describe()
                    + ": " + e.getMessage(), e);
        }
    }
}

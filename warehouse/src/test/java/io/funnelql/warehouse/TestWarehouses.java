package io.funnelql.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for tests that need a real warehouse and to compare its contents. */
public final class TestWarehouses {

    private TestWarehouses() {
    }

    public static Warehouse inMemory() {
        return Warehouse.inMemory(WarehouseSettings.defaults());
    }

    /**
     * Every table's row count and a digest of its rows (order-independent); two equal snapshots mean
     * the same rows in every table.
     */
    public static Map<String, String> snapshot(Warehouse warehouse, boolean includeLoads) {
        Map<String, String> snapshot = new LinkedHashMap<>();
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (!includeLoads && table.equals("loads")) {
                    continue;
                }
                try (ResultSet rs = statement.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(CAST(t AS VARCHAR), '|' "
                        + "ORDER BY CAST(t AS VARCHAR))), '') FROM " + table + " t")) {
                    rs.next();
                    snapshot.put(table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return snapshot;
    }

    /** Runs a query and returns the first column of the first row as a long. */
    public static long count(Warehouse warehouse, String sql) {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a query and returns every row as a list of strings joined by '|'. */
    public static List<String> rows(Warehouse warehouse, String sql) {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= width; i++) {
                    if (i > 1) {
                        row.append('|');
                    }
                    row.append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

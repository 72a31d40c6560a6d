package io.funnelql.warehouse.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.funnelql.warehouse.Column;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.SourceSql;
import io.funnelql.warehouse.load.HeaderResolver.Binding;

/**
 * The statements of a load's happy path: insert the new versions into the current table (reading the input
 * once), check their keys, move the versions they replace to the superseded table.
 *
 * <p>Table and column names come from {@link Dataset}; values (the load id, file paths) are bound.
 */
final class LoadSql {

    private LoadSql() {
    }

    /** True when the dataset has no current records, so that a load replaces nothing. */
    static boolean isEmpty(Connection connection, Dataset dataset) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + dataset.currentTable() + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * Inserts every input row into the current table, stamped with the load id, with its source normalised.
     * Casts are strict and every rule of a column is checked in the same statement (empty required value,
     * date out of range, negative amount, value not allowed), so a good file is read once and a bad one fails
     * on its first bad value; the load then goes on to diagnose every problem. Repeated keys are left to
     * {@link #hasRepeatedKeys}.
     *
     * @return the number of rows inserted
     */
    static long insertFromInput(Connection connection, Dataset dataset, InputRelation input, List<Binding> bindings,
                                long loadId) throws SQLException {
        Map<Column, Binding> bound = bindings.stream().collect(Collectors.toMap(Binding::column, Function.identity()));
        List<String> typed = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (Column column : dataset.columns()) {
            Binding binding = bound.get(column);
            String value = binding == null ? "NULL" : ValueSql.input(column, binding.position(), input.isText(binding.position()));
            typed.add(ValueSql.typed(column, value, true) + " AS " + column.dbColumn());
            checked.add(ValueSql.checked(column, column.dbColumn()) + " AS " + column.dbColumn());
        }
        String rows = "SELECT " + String.join(", ", checked)
                + "\nFROM (SELECT " + String.join(", ", typed) + " FROM " + input.from() + ")";
        return insertCurrent(connection, dataset, rows, input.binds(), loadId);
    }

    /**
     * Inserts the rows of a trusted query (generated data) into the current table. The query's columns carry
     * the stored column names ({@code source_raw} for the source) and types; {@code record_key} is built here.
     */
    static long insertFromQuery(Connection connection, Dataset dataset, String query, long loadId) throws SQLException {
        return insertCurrent(connection, dataset, "SELECT * FROM (" + query + ")", List.of(), loadId);
    }

    private static long insertCurrent(Connection connection, Dataset dataset, String rows, List<Object> binds,
                                      long loadId) throws SQLException {
        String columns = dataset.columns().stream().map(Column::dbColumn).collect(Collectors.joining(", "));
        String stored = "SELECT " + (dataset.hasCompositeKey() ? dataset.keyExpression().orElseThrow() + " AS record_key, " : "")
                + columns + " FROM (" + rows + ")";
        String target = "load_id, " + String.join(", ", dataset.storedColumns());
        String select = "?, " + dataset.storedColumns().stream().map(c -> "r." + c).collect(Collectors.joining(", "));
        String sql = switch (dataset.sourceNormalization()) {
            case NONE -> "INSERT INTO " + dataset.currentTable() + " (" + target + ")\nSELECT " + select
                    + "\nFROM (" + stored + ") r";
            case SOURCE_AND_CHANNEL -> "INSERT INTO " + dataset.currentTable() + " (" + target + ", source, channel)\nSELECT "
                    + select + ", " + SourceSql.SOURCE + ", " + SourceSql.CHANNEL
                    + "\nFROM (" + stored + ") r " + SourceSql.LOOKUP_JOIN;
            case SOURCE_ONLY -> "INSERT INTO " + dataset.currentTable() + " (" + target + ", source)\nSELECT "
                    + select + ", " + SourceSql.SOURCE_OR_ALL
                    + "\nFROM (" + stored + ") r " + SourceSql.LOOKUP_JOIN;
        };
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, loadId);
            for (int i = 0; i < binds.size(); i++) {
                insert.setObject(i + 2, binds.get(i));
            }
            return insert.executeUpdate();
        }
    }

    /**
     * True when two of the load's rows have the same key. Distinct 64-bit hashes prove distinct keys
     * cheaply; only when hashes repeat (a real duplicate, or very rarely a collision) are the keys compared.
     */
    static boolean hasRepeatedKeys(Connection connection, Dataset dataset, long loadId) throws SQLException {
        String key = dataset.keyColumn();
        if (scalar(connection, "SELECT count(*) - count(DISTINCT hash(" + key + ")) FROM " + dataset.currentTable()
                + " WHERE load_id = ?", loadId) == 0) {
            return false;
        }
        return scalar(connection, "SELECT count(*) - count(DISTINCT " + key + ") FROM " + dataset.currentTable()
                + " WHERE load_id = ?", loadId) > 0;
    }

    /**
     * Moves the versions that the load's rows replace from the current to the superseded table, so that the
     * current table holds one version per record again and the raw relation still holds them all. Skipped
     * (by the caller) when the current table was empty before the load; the delete is skipped when the load
     * replaced nothing.
     */
    static void supersede(Connection connection, Dataset dataset, long loadId) throws SQLException {
        String current = dataset.currentTable();
        String key = dataset.keyColumn();
        String replaced = " FROM " + current + " WHERE load_id <> ? AND " + key
                + " IN (SELECT " + key + " FROM " + current + " WHERE load_id = ?)";
        String stored = "load_id, " + String.join(", ", dataset.storedColumns());
        long moved;
        try (PreparedStatement move = connection.prepareStatement("INSERT INTO " + dataset.supersededTable()
                + " (" + stored + ") SELECT " + stored + replaced)) {
            move.setLong(1, loadId);
            move.setLong(2, loadId);
            moved = move.executeUpdate();
        }
        if (moved > 0) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE" + replaced)) {
                delete.setLong(1, loadId);
                delete.setLong(2, loadId);
                delete.executeUpdate();
            }
        }
    }

    /** After the source map changed: every current row whose raw source now maps differently follows. */
    static void renormaliseSources(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Dataset dataset : Dataset.values()) {
                switch (dataset.sourceNormalization()) {
                    case SOURCE_AND_CHANNEL -> statement.executeUpdate("UPDATE " + dataset.currentTable()
                            + " AS r SET source = l.source, channel = l.channel FROM source_lookup l"
                            + " WHERE l.raw_key = lower(r.source_raw) AND (r.source <> l.source OR r.channel <> l.channel)");
                    case SOURCE_ONLY -> statement.executeUpdate("UPDATE " + dataset.currentTable()
                            + " AS r SET source = l.source FROM source_lookup l"
                            + " WHERE l.raw_key = lower(r.source_raw) AND r.source <> l.source");
                    case NONE -> {
                    }
                }
            }
        }
    }

    private static long scalar(Connection connection, String sql, long loadId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, loadId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

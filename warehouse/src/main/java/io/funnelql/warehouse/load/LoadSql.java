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

/** The statements of a load's happy path: insert into the raw table, check, refresh the current table. */
final class LoadSql {

    private LoadSql() {
    }

    /**
     * Inserts every input row into the dataset's raw table, stamped with the load id. Casts are strict:
     * a value of the wrong type fails the statement (and the load goes on to diagnose why).
     *
     * @return the number of rows inserted
     */
    static long insertRaw(Connection connection, Dataset dataset, InputRelation input, List<Binding> bindings,
                          long loadId) throws SQLException {
        Map<Column, Binding> bound = bindings.stream().collect(Collectors.toMap(Binding::column, Function.identity()));
        List<String> typed = new ArrayList<>();
        for (Column column : dataset.columns()) {
            Binding binding = bound.get(column);
            String value = binding == null ? "NULL" : ValueSql.input(binding.position(), input.isText(binding.position()));
            typed.add(ValueSql.typed(column, value, true) + " AS " + column.dbColumn());
        }
        String sql = "INSERT INTO " + dataset.rawTable() + " (load_id, " + String.join(", ", dataset.storedColumns()) + ")\n"
                + "SELECT ?, " + (dataset.hasCompositeKey() ? dataset.keyExpression().orElseThrow() + ", " : "")
                + dataset.columns().stream().map(Column::dbColumn).collect(Collectors.joining(", "))
                + "\nFROM (SELECT " + String.join(", ", typed) + " FROM " + input.from() + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, loadId);
            for (int i = 0; i < input.binds().size(); i++) {
                insert.setObject(i + 2, input.binds().get(i));
            }
            return insert.executeUpdate();
        }
    }

    /**
     * Inserts the rows of a trusted query (generated data) into the raw table. The query's columns carry
     * the stored column names ({@code source_raw} for the source) and types; {@code record_key} is built here.
     */
    static long insertRawFromQuery(Connection connection, Dataset dataset, String query, long loadId) throws SQLException {
        String sql = "INSERT INTO " + dataset.rawTable() + " (load_id, " + String.join(", ", dataset.storedColumns()) + ")\n"
                + "SELECT ?, " + (dataset.hasCompositeKey() ? dataset.keyExpression().orElseThrow() + ", " : "")
                + dataset.columns().stream().map(Column::dbColumn).collect(Collectors.joining(", "))
                + "\nFROM (" + query + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, loadId);
            return insert.executeUpdate();
        }
    }

    /**
     * Counts the load's rows that break a rule the cast does not check (empty required values, dates out of
     * range, negative amounts, values not allowed) plus repeated record keys.
     */
    static long countProblems(Connection connection, Dataset dataset, long loadId) throws SQLException {
        String violations = dataset.columns().stream()
                .map(c -> "count(*) FILTER (WHERE " + ValueSql.violation(c, c.dbColumn()) + ")")
                .collect(Collectors.joining(" + "));
        String sql = "SELECT " + violations + " + (count(*) - count(DISTINCT " + dataset.keyColumn() + "))"
                + " FROM " + dataset.rawTable() + " WHERE load_id = ?";
        try (PreparedStatement check = connection.prepareStatement(sql)) {
            check.setLong(1, loadId);
            try (ResultSet rs = check.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Makes the load's rows the current version of their records: removes the versions they replace from
     * the current table and inserts them with their sources normalised.
     */
    static void refreshCurrent(Connection connection, Dataset dataset, long loadId) throws SQLException {
        String current = dataset.currentTable();
        String key = dataset.keyColumn();
        if (!isEmpty(connection, current)) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + current + " WHERE " + key
                    + " IN (SELECT " + key + " FROM " + dataset.rawTable() + " WHERE load_id = ?)")) {
                delete.setLong(1, loadId);
                delete.executeUpdate();
            }
        }
        List<String> stored = new ArrayList<>(List.of("load_id"));
        stored.addAll(dataset.storedColumns());
        String columns = String.join(", ", stored);
        String select = stored.stream().map(c -> "r." + c).collect(Collectors.joining(", "));
        String sql = switch (dataset.sourceNormalization()) {
            case NONE -> "INSERT INTO " + current + " (" + columns + ") SELECT " + select
                    + " FROM " + dataset.rawTable() + " r WHERE r.load_id = ?";
            case SOURCE_AND_CHANNEL -> "INSERT INTO " + current + " (" + columns + ", source, channel) SELECT " + select
                    + ", " + SourceSql.SOURCE + ", " + SourceSql.CHANNEL
                    + " FROM " + dataset.rawTable() + " r " + SourceSql.LOOKUP_JOIN + " WHERE r.load_id = ?";
            case SOURCE_ONLY -> "INSERT INTO " + current + " (" + columns + ", source) SELECT " + select
                    + ", " + SourceSql.SOURCE_OR_ALL
                    + " FROM " + dataset.rawTable() + " r " + SourceSql.LOOKUP_JOIN + " WHERE r.load_id = ?";
        };
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, loadId);
            insert.executeUpdate();
        }
        if (dataset == Dataset.SOURCE_MAP) {
            renormaliseSources(connection);
        }
    }

    /** After the source map changed: every current row whose raw source now maps differently follows. */
    private static void renormaliseSources(Connection connection) throws SQLException {
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

    private static boolean isEmpty(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + table + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}

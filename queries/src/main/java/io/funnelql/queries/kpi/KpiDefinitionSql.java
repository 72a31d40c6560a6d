package io.funnelql.queries.kpi;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.funnelql.queries.funnel.Stage;

/** The SQL of the {@code kpi_definitions} table: every version, and the insert of a new one. */
final class KpiDefinitionSql {

    static final String SELECT = """
            SELECT kpi_id, version, name, description, metric, sources, channels, exclude_role_addresses, stages,
                   breakdown, aggregation, indicator, created_at
            FROM kpi_definitions
            ORDER BY kpi_id, version""";

    static final String INSERT = """
            INSERT INTO kpi_definitions (kpi_id, version, name, description, metric, sources, channels,
                                         exclude_role_addresses, stages, breakdown, aggregation, indicator, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** The names of the metric_values series: what a definition may name besides the catalog. */
    static final String SERIES = "SELECT DISTINCT lower(trim(metric)) FROM metric_values ORDER BY 1";

    private KpiDefinitionSql() {
    }

    static List<KpiDefinition> readAll(Connection connection) throws SQLException {
        List<KpiDefinition> definitions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SELECT); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                definitions.add(new KpiDefinition(rs.getString("kpi_id"), rs.getInt("version"), rs.getString("name"),
                        rs.getString("description"), rs.getString("metric"), strings(rs.getArray("sources")),
                        strings(rs.getArray("channels")), rs.getBoolean("exclude_role_addresses"),
                        strings(rs.getArray("stages")).stream().map(Stage::valueOf).toList(),
                        Breakdown.valueOf(rs.getString("breakdown")), Aggregation.valueOf(rs.getString("aggregation")),
                        Indicator.valueOf(rs.getString("indicator")), rs.getObject("created_at", OffsetDateTime.class).toInstant()));
            }
        }
        return definitions;
    }

    static void insert(Connection connection, KpiDefinition definition) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, definition.id());
            insert.setInt(2, definition.version());
            insert.setString(3, definition.name());
            insert.setString(4, definition.description());
            insert.setString(5, definition.metric());
            insert.setObject(6, connection.createArrayOf("VARCHAR", definition.sources().toArray()));
            insert.setObject(7, connection.createArrayOf("VARCHAR", definition.channels().toArray()));
            insert.setBoolean(8, definition.excludeRoleAddresses());
            insert.setObject(9, connection.createArrayOf("VARCHAR", definition.stages().stream().map(Stage::name).toArray()));
            insert.setString(10, definition.breakdown().name());
            insert.setString(11, definition.aggregation().name());
            insert.setString(12, definition.indicator().name());
            insert.setObject(13, Timestamp.from(definition.createdAt()));
            insert.executeUpdate();
        }
    }

    static List<String> series(Connection connection) throws SQLException {
        List<String> series = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SERIES); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                series.add(rs.getString(1));
            }
        }
        return series;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}

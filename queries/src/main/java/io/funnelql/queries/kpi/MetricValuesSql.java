package io.funnelql.queries.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.engine.DuckDbDialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.metric.ScopeSql;
import io.funnelql.warehouse.CurrentState;
import io.funnelql.warehouse.Dataset;

/** The values of one {@code metric_values} series between two dates, as known at an instant, summed per date. */
final class MetricValuesSql {

    /** One date's value (the sum of its rows, of the sources asked for). */
    record DatedValue(LocalDate date, double value) {
    }

    private static final String SQL = """
            SELECT date, sum(value) AS value
            FROM {values}
            WHERE lower(trim(metric)) = {metric} AND date >= {first} AND date < {end} AND date <= {last}{sources}
            GROUP BY date
            ORDER BY date""";

    private MetricValuesSql() {
    }

    /**
     * @param end the day after the last period (exclusive)
     * @param lastDay the last date that counts (asOf's date in the report time zone)
     * @param knownAt transaction time; {@code null}: the current values
     */
    static List<DatedValue> read(Connection connection, String metric, List<String> sources, LocalDate first, LocalDate end,
                                 LocalDate lastDay, @Nullable Instant knownAt) throws SQLException {
        Parameters parameters = new Parameters(DuckDbDialect.INSTANCE);
        java.util.Map<String, String> values = new java.util.HashMap<>();
        values.put("values", knownAt == null ? CurrentState.now(Dataset.METRIC_VALUES)
                : CurrentState.knownAt(Dataset.METRIC_VALUES, parameters.add(ScopeSql.timestamp(knownAt))));
        values.put("metric", parameters.add(metric));
        values.put("first", "CAST(" + parameters.add(first) + " AS DATE)");
        values.put("end", "CAST(" + parameters.add(end) + " AS DATE)");
        values.put("last", "CAST(" + parameters.add(lastDay) + " AS DATE)");
        values.put("sources", sources.isEmpty() ? "" : " AND source IN ("
                + sources.stream().map(parameters::add).collect(Collectors.joining(", ")) + ")");
        List<DatedValue> dated = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(ScopeSql.fill(SQL, values))) {
            parameters.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    dated.add(new DatedValue(rs.getObject("date", LocalDate.class), rs.getDouble("value")));
                }
            }
        }
        return dated;
    }
}

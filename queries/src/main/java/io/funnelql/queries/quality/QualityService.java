package io.funnelql.queries.quality;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.funnelql.queries.engine.Dialect;
import io.funnelql.queries.engine.DuckDbDialect;
import io.funnelql.queries.engine.SqlStatement;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.Period;
import io.funnelql.queries.report.ReportCalendar;
import io.funnelql.queries.report.ReportDeadline;
import io.funnelql.queries.report.ReportScope;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * Computes data-quality reports: one statement per check over the current data, all read in one snapshot so
 * that a load committing meanwhile is seen by every check or by none.
 */
public final class QualityService {

    private final Warehouse warehouse;
    private final ReportSettings settings;
    private final Clock clock;
    private final Dialect dialect = DuckDbDialect.INSTANCE;

    public QualityService(Warehouse warehouse, ReportSettings settings, Clock clock) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs every check over the query's range.
     *
     * @throws BadQueryException when the range has more weeks than a report may have periods, or the checks take
     *         longer than the settings' timeout
     */
    public QualityReport run(QualityQuery query) {
        ZoneId zone = query.timeZone() == null ? settings.timeZone() : query.timeZone();
        DayOfWeek weekStart = query.weekStart() == null ? settings.weekStart() : query.weekStart();
        ReportCalendar calendar = settings.calendar(zone, weekStart);
        long weeks = calendar.countPeriods(query.range(), Grain.WEEK);
        if (weeks > settings.maxPeriods()) {
            throw new BadQueryException("The range has " + weeks + " weeks; data-quality checks may cover at most "
                    + settings.maxPeriods() + ". Shorten the range");
        }
        Instant now = clock.instant();
        List<Period> periods = calendar.periods(query.range(), Grain.WEEK, now, 0);
        ReportScope scope = new ReportScope(calendar, Grain.WEEK, periods, List.of(), List.of(), List.of(), now, null);
        Instant from = calendar.startOf(query.range().from());
        Instant to = calendar.startOf(query.range().to().plusDays(1));
        ReportDeadline deadline = settings.deadline();
        try (Connection connection = warehouse.reader()) {
            connection.setAutoCommit(false);
            try {
                List<CheckResult> results = new ArrayList<>();
                for (QualityCheck check : QualityCheck.values()) {
                    results.add(run(connection, deadline, check,
                            QualitySql.build(check, dialect, from, to, scope, query.bulkMqlThreshold())));
                }
                connection.commit();
                return new QualityReport(query.withTimeZone(zone).withWeekStart(weekStart), results);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("The data-quality report failed: " + e.getMessage(), e);
        }
    }

    private static CheckResult run(Connection connection, ReportDeadline deadline, QualityCheck check, SqlStatement sql)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                statement.setObject(i + 1, sql.parameters().get(i));
            }
            try (ResultSet rs = deadline.executeQuery(statement)) {
                rs.next();
                return new CheckResult(check, rs.getLong("total"), strings(rs.getArray("examples")));
            }
        } catch (SQLException e) {
            throw new SQLException(check.name().toLowerCase(Locale.ROOT) + ": " + e.getMessage(), e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}

package io.funnelql.queries.velocity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.engine.Dialect;
import io.funnelql.queries.engine.DuckDbDialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.Comparison;
import io.funnelql.queries.report.Grid;
import io.funnelql.queries.report.GridRows;
import io.funnelql.queries.report.KnownSources;
import io.funnelql.queries.report.Period;
import io.funnelql.queries.report.ReportCalendar;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * Computes velocity reports: one SQL statement over the contacts for the range, and one more for the
 * comparison range, read in one snapshot. Percentiles are exact (every contact's days, sorted), so they are
 * computed for each row, group total and total from its own contacts.
 */
public final class VelocityService {

    private final Warehouse warehouse;
    private final ReportSettings settings;
    private final Clock clock;
    private final KnownSources knownSources;
    private final Dialect dialect = DuckDbDialect.INSTANCE;

    public VelocityService(Warehouse warehouse, ReportSettings settings, Clock clock) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.knownSources = new KnownSources(warehouse);
    }

    /**
     * Runs a velocity query.
     *
     * @throws BadQueryException when the query asks for more periods or rows than allowed, or names an
     *         unknown source or channel
     */
    public VelocityReport run(VelocityQuery query) {
        ZoneId zone = query.timeZone() == null ? settings.timeZone() : query.timeZone();
        DayOfWeek weekStart = query.weekStart() == null ? settings.weekStart() : query.weekStart();
        Instant asOf = query.asOf() == null ? clock.instant() : query.asOf();
        ReportCalendar calendar = settings.calendar(zone, weekStart);
        long periodCount = calendar.countPeriods(query.range(), query.grain());
        if (periodCount > settings.maxPeriods()) {
            throw new BadQueryException("The range has " + periodCount + " " + query.grain().name().toLowerCase(Locale.ROOT)
                    + " periods; a report may have at most " + settings.maxPeriods() + ". Shorten the range or use a longer grain");
        }
        knownSources.check(query.sources(), query.channels());
        List<Period> periods = calendar.periods(query.range(), query.grain(), asOf, 0);
        Optional<List<LocalDate>> comparison = Comparison.starts(calendar, periods, query.grain(), query.compare());

        try (Connection connection = warehouse.reader()) {
            connection.setAutoCommit(false);
            try {
                VelocityPlan plan = new VelocityPlan(calendar, query.grain(), query.fromStage(), query.toStage(), query.groupBy(),
                        query.sources(), query.channels(), asOf, knownAtToUse(connection, query.knownAt()));
                Grid current = count(connection, plan, periods.stream().map(Period::start).toList());
                Grid previous = comparison.isPresent() ? count(connection, plan, comparison.get()) : null;
                connection.commit();
                GridRows<VelocityRow> rows = GridRows.assemble(periods, query.groupBy(), query.sources(), query.channels(),
                        current, previous, settings.maxCells(), VelocityRow::of);
                VelocityQuery answered = query.withTimeZone(zone).withWeekStart(weekStart).withAsOf(asOf);
                return new VelocityReport(answered, rows.rows(), rows.groupTotals(), rows.total());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("The velocity report failed: " + e.getMessage(), e);
        }
    }

    /**
     * The instant to rebuild the data at, or null when the current tables give the same answer (no load
     * committed after {@code knownAt}).
     */
    private static @Nullable Instant knownAtToUse(Connection connection, @Nullable Instant knownAt) throws SQLException {
        if (knownAt == null) {
            return null;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT max(committed_at) FROM loads WHERE status = 'committed'")) {
            rs.next();
            OffsetDateTime latest = rs.getObject(1, OffsetDateTime.class);
            return latest == null || !latest.toInstant().isAfter(knownAt) ? null : knownAt;
        }
    }

    private Grid count(Connection connection, VelocityPlan plan, List<LocalDate> starts) throws SQLException {
        LocalDate end = plan.calendar().next(starts.get(starts.size() - 1), plan.grain());
        Parameters parameters = new Parameters(dialect);
        String sql = VelocitySql.build(dialect, parameters, plan, plan.calendar().startOf(starts.get(0)), plan.calendar().startOf(end));
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            index.put(starts.get(i), i);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                return Grid.read(rs, VelocityRow.COMPONENTS, index);
            }
        }
    }
}

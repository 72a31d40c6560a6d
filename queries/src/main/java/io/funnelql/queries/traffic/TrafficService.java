package io.funnelql.queries.traffic;

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
import java.util.ArrayList;
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
import io.funnelql.queries.engine.SqlStatement;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.Comparison;
import io.funnelql.queries.report.Grid;
import io.funnelql.queries.report.GridRows;
import io.funnelql.queries.report.KnownSources;
import io.funnelql.queries.report.Period;
import io.funnelql.queries.report.ReportCalendar;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.queries.targets.CurrentTargets;
import io.funnelql.queries.targets.TargetBook;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * Computes traffic reports: one SQL statement for the range, and one more for the comparison range, read
 * in one snapshot so that a load committing meanwhile is seen by both or neither.
 *
 * <p>The statement reads the rollups when they give exactly the numbers the sessions would (the workspace
 * time zone, the current data, nothing dated after asOf, filters a visitor rollup answers); otherwise it
 * reads the sessions and contacts of the range, and each visitor's kept first session.
 */
public final class TrafficService {

    private final Warehouse warehouse;
    private final CurrentTargets currentTargets;
    private final ReportSettings settings;
    private final Clock clock;
    private final KnownSources knownSources;
    private final TrafficBounds bounds;
    private final Dialect dialect = DuckDbDialect.INSTANCE;
    private final boolean rollups;

    public TrafficService(Warehouse warehouse, ReportSettings settings, Clock clock) {
        this(warehouse, settings, clock, true);
    }

    private TrafficService(Warehouse warehouse, ReportSettings settings, Clock clock, boolean rollups) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.currentTargets = new CurrentTargets(warehouse);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rollups = rollups;
        this.knownSources = new KnownSources(warehouse);
        this.bounds = new TrafficBounds();
    }

    /**
     * A service that always computes from the sessions and contacts themselves, never from any rollup (not
     * even the kept first sessions): the reference the rollups are tested and measured against.
     */
    public static TrafficService withoutRollups(Warehouse warehouse, ReportSettings settings, Clock clock) {
        return new TrafficService(warehouse, settings, clock, false);
    }

    /**
     * Runs a traffic query.
     *
     * @throws BadQueryException when the query asks for more periods or rows than allowed, or names an
     *         unknown source or channel
     */
    public TrafficReport run(TrafficQuery query) {
        Resolved resolved = resolve(query);
        try (Connection connection = warehouse.reader()) {
            connection.setAutoCommit(false);
            try {
                Planned planned = plan(connection, query, resolved);
                List<LocalDate> starts = resolved.periods().stream().map(Period::start).toList();
                Grid current = count(connection, statement(planned, starts), starts);
                Grid previous = resolved.comparison().isPresent()
                        ? count(connection, statement(planned, resolved.comparison().get()), resolved.comparison().get()) : null;
                TargetBook targets = currentTargets.read(connection, planned.plan().knownAt());
                connection.commit();
                GridRows<TrafficRow> rows = GridRows.assemble(resolved.periods(), query.groupBy(), query.sources(), query.channels(),
                        current, previous, settings.maxCells(), TrafficRow::of);
                TrafficQuery answered = query.withTimeZone(resolved.calendar().zone())
                        .withWeekStart(resolved.calendar().weekStart()).withAsOf(resolved.asOf());
                java.util.function.UnaryOperator<TrafficRow> targeted = row -> row.withTargets(targets.row(row.period(),
                        query.grain(), row.source(), row.channel(), query.sources(), query.channels()));
                return new TrafficReport(answered, rows.rows().stream().map(targeted).toList(),
                        rows.groupTotals().stream().map(targeted).toList(), targeted.apply(rows.total()));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("The traffic report failed: " + e.getMessage(), e);
        }
    }

    /**
     * The statements {@link #run} would execute for {@code query} (the range's, then the comparison range's),
     * with their parameter values: for benchmarks that time the same SQL directly, and for debugging.
     */
    public List<SqlStatement> statements(TrafficQuery query) {
        Resolved resolved = resolve(query);
        try (Connection connection = warehouse.reader()) {
            Planned planned = plan(connection, query, resolved);
            List<SqlStatement> statements = new ArrayList<>();
            statements.add(statement(planned, resolved.periods().stream().map(Period::start).toList()));
            resolved.comparison().ifPresent(starts -> statements.add(statement(planned, starts)));
            return statements;
        } catch (SQLException e) {
            throw new WarehouseException("The traffic report failed: " + e.getMessage(), e);
        }
    }

    /** A query with its defaults resolved and its periods laid out. */
    private record Resolved(ReportCalendar calendar, Instant asOf, List<Period> periods, Optional<List<LocalDate>> comparison) {
    }

    /** The plan of a query, and the visitor levels of the rollups that answer it (empty: the sessions do). */
    private record Planned(TrafficPlan plan, Optional<VisitorLevel.Choice> levels) {
    }

    private Resolved resolve(TrafficQuery query) {
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
        return new Resolved(calendar, asOf, periods, Comparison.starts(calendar, periods, query.grain(), query.compare()));
    }

    /** Plans a query in {@code connection}'s snapshot, so that the bounds it reads are those of the data it counts. */
    private Planned plan(Connection connection, TrafficQuery query, Resolved resolved) throws SQLException {
        Instant knownAt = knownAtToUse(connection, query.knownAt());
        TrafficBounds.Snapshot snapshot = bounds.current(connection);
        TrafficPlan plan = new TrafficPlan(resolved.calendar(), query.grain(), query.groupBy(), query.sources(), query.channels(),
                resolved.asOf(), knownAt, rollups && knownAt == null);
        LocalDate end = resolved.calendar().next(resolved.periods().get(resolved.periods().size() - 1).start(), query.grain());
        return new Planned(plan, rollupLevels(plan, snapshot, end));
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

    /**
     * The visitor levels that answer the report from the rollups, or empty when the rollups cannot give
     * exactly the numbers the sessions would: another time zone than the rollups' days, an earlier knownAt,
     * a session or contact dated after asOf on a day the report covers, or filters no visitor level answers.
     *
     * @param end the day after the report's last period (comparison ranges lie before it)
     */
    private Optional<VisitorLevel.Choice> rollupLevels(TrafficPlan plan, TrafficBounds.Snapshot snapshot, LocalDate end) {
        ZoneId zone = plan.calendar().zone();
        if (!rollups || plan.knownAt() != null || !zone.equals(warehouse.settings().timeZone())) {
            return Optional.empty();
        }
        // A day's rows, and each visitor's previous day, depend only on sessions up to that day's end: days
        // before asOf's day hold nothing dated after asOf.
        if (!snapshot.nothingAfter(plan.asOf()) && end.isAfter(LocalDate.ofInstant(plan.asOf(), zone))) {
            return Optional.empty();
        }
        return VisitorLevel.choose(plan.groupBy(), plan.sources(), plan.channels(), snapshot.oneChannelPerSource());
    }

    private SqlStatement statement(Planned planned, List<LocalDate> starts) {
        TrafficPlan plan = planned.plan();
        LocalDate first = starts.get(0);
        LocalDate end = plan.calendar().next(starts.get(starts.size() - 1), plan.grain());
        Parameters parameters = new Parameters(dialect);
        String sql = planned.levels().isPresent()
                ? TrafficRollupSql.build(dialect, parameters, plan, planned.levels().get(), first, end)
                : TrafficSql.build(dialect, parameters, plan, plan.calendar().startOf(first), plan.calendar().startOf(end));
        return new SqlStatement(sql, parameters.values());
    }

    private static Grid count(Connection connection, SqlStatement sql, List<LocalDate> starts) throws SQLException {
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            index.put(starts.get(i), i);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                statement.setObject(i + 1, sql.parameters().get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                return Grid.read(rs, TrafficRow.COMPONENTS, index);
            }
        }
    }
}

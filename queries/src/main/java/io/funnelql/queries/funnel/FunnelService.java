package io.funnelql.queries.funnel;

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
import io.funnelql.queries.report.KnownSources;
import io.funnelql.queries.report.Period;
import io.funnelql.queries.report.ReportCalendar;
import io.funnelql.queries.report.ReportDeadline;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.queries.targets.CurrentTargets;
import io.funnelql.queries.targets.TargetBook;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * Computes funnel reports: one SQL statement for the range, and one more for the comparison range, read
 * in one snapshot so that a load committing meanwhile is seen by both or neither.
 */
public final class FunnelService {

    private final Warehouse warehouse;
    private final CurrentTargets currentTargets;
    private final ReportSettings settings;
    private final Clock clock;
    private final KnownSources knownSources;
    private final ContactBounds bounds;
    private final Dialect dialect = DuckDbDialect.INSTANCE;
    private final boolean rollups;

    public FunnelService(Warehouse warehouse, ReportSettings settings, Clock clock) {
        this(warehouse, settings, clock, true);
    }

    private FunnelService(Warehouse warehouse, ReportSettings settings, Clock clock, boolean rollups) {
        this.rollups = rollups;
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.currentTargets = new CurrentTargets(warehouse);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.knownSources = new KnownSources(warehouse);
        this.bounds = new ContactBounds(warehouse);
    }

    /**
     * A service that always counts from the contacts themselves, never from the rollups: the reference the
     * rollups are tested and measured against.
     */
    public static FunnelService withoutRollups(Warehouse warehouse, ReportSettings settings, Clock clock) {
        return new FunnelService(warehouse, settings, clock, false);
    }

    /**
     * Runs a funnel query.
     *
     * @throws BadQueryException when the query asks for more periods or rows than allowed, names an unknown
     *         source or channel, or takes longer than the settings' timeout (its statement is cancelled)
     */
    public FunnelReport run(FunnelQuery query) {
        Resolved resolved = resolve(query);
        ReportDeadline deadline = settings.deadline();
        try (Connection connection = warehouse.reader()) {
            connection.setAutoCommit(false);
            try {
                FunnelPlan plan = plan(connection, query, resolved);
                FunnelCounts current = count(connection, deadline, plan, resolved.periods().stream().map(Period::start).toList());
                FunnelCounts previous = resolved.comparison().isPresent()
                        ? count(connection, deadline, plan, resolved.comparison().get()) : null;
                TargetBook targets = currentTargets.read(connection, plan.knownAt());
                connection.commit();
                FunnelQuery answered = query.withTimeZone(resolved.calendar().zone())
                        .withWeekStart(resolved.calendar().weekStart()).withAsOf(resolved.asOf());
                return FunnelAssembler.assemble(answered, resolved.periods(), current, previous, settings.maxCells(), targets);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("The funnel report failed: " + e.getMessage(), e);
        }
    }

    /**
     * The statements {@link #run} would execute for {@code query} (the range's, then the comparison range's),
     * with their parameter values: for benchmarks that time the same SQL directly, and for debugging.
     */
    public List<SqlStatement> statements(FunnelQuery query) {
        Resolved resolved = resolve(query);
        try (Connection connection = warehouse.reader()) {
            FunnelPlan plan = plan(connection, query, resolved);
            List<SqlStatement> statements = new java.util.ArrayList<>();
            statements.add(statement(plan, resolved.periods().stream().map(Period::start).toList()));
            resolved.comparison().ifPresent(starts -> statements.add(statement(plan, starts)));
            return statements;
        } catch (SQLException e) {
            throw new WarehouseException("The funnel report failed: " + e.getMessage(), e);
        }
    }

    /** A query with its defaults resolved and its periods laid out. */
    private record Resolved(ReportCalendar calendar, Instant asOf, List<Period> periods,
                            Optional<List<LocalDate>> comparison) {
    }

    private Resolved resolve(FunnelQuery query) {
        ZoneId zone = query.timeZone() == null ? settings.timeZone() : query.timeZone();
        DayOfWeek weekStart = query.weekStart() == null ? settings.weekStart() : query.weekStart();
        Instant asOf = query.asOf() == null ? clock.instant() : query.asOf();
        ReportCalendar calendar = settings.calendar(zone, weekStart);
        long periodCount = calendar.countPeriods(query.range(), query.grain());
        if (periodCount > settings.maxPeriods()) {
            throw new BadQueryException("The range has " + periodCount + " " + query.grain().name().toLowerCase(java.util.Locale.ROOT)
                    + " periods; a report may have at most " + settings.maxPeriods() + ". Shorten the range or use a longer grain");
        }
        knownSources.check(query.sources(), query.channels());
        int window = query.withinDays() == null ? 0 : query.withinDays();
        List<Period> periods = calendar.periods(query.range(), query.grain(), asOf, window);
        return new Resolved(calendar, asOf, periods, Comparison.starts(calendar, periods, query.grain(), query.compare()));
    }

    private FunnelPlan plan(Connection connection, FunnelQuery query, Resolved resolved) throws SQLException {
        return new FunnelPlan(resolved.calendar(), query.grain(), query.cohort(), query.stages(), query.groupBy(),
                query.sources(), query.channels(), query.cumulative(), query.withinDays(), resolved.asOf(),
                knownAtToUse(connection, query.knownAt()), resolved.asOf().isBefore(bounds.latest()), query.excludeRoleAddresses());
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
     * True when the daily rollups give exactly the numbers the contacts would: days in the rollups' zone,
     * the current data (no earlier knownAt), no date after asOf to exclude, no conversion window, and every
     * contact counted (the rollups know no emails).
     */
    private boolean canUseRollups(FunnelPlan plan) {
        return rollups && plan.calendar().zone().equals(warehouse.settings().timeZone()) && plan.knownAt() == null
                && !plan.filterAsOf() && plan.withinDays() == null && !plan.excludeRoleAddresses();
    }

    private SqlStatement statement(FunnelPlan plan, List<LocalDate> starts) {
        LocalDate first = starts.get(0);
        LocalDate end = plan.calendar().next(starts.get(starts.size() - 1), plan.grain());
        Parameters parameters = new Parameters(dialect);
        String sql = canUseRollups(plan)
                ? FunnelRollupSql.build(dialect, parameters, plan, first, end)
                : FunnelSql.build(dialect, parameters, plan, plan.calendar().startOf(first), plan.calendar().startOf(end));
        return new SqlStatement(sql, parameters.values());
    }

    private FunnelCounts count(Connection connection, ReportDeadline deadline, FunnelPlan plan, List<LocalDate> starts)
            throws SQLException {
        SqlStatement sql = statement(plan, starts);
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            index.put(starts.get(i), i);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                statement.setObject(i + 1, sql.parameters().get(i));
            }
            try (ResultSet rs = deadline.executeQuery(statement)) {
                return FunnelCounts.read(rs, plan, index);
            }
        }
    }
}

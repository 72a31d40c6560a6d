package io.funnelql.queries.cost;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.funnelql.queries.engine.Dialect;
import io.funnelql.queries.engine.DuckDbDialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.Comparison;
import io.funnelql.queries.report.DataBounds;
import io.funnelql.queries.report.Grid;
import io.funnelql.queries.report.GridRows;
import io.funnelql.queries.report.KnownAt;
import io.funnelql.queries.report.KnownSources;
import io.funnelql.queries.report.Period;
import io.funnelql.queries.report.ReportCalendar;
import io.funnelql.queries.report.ReportScope;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.queries.revenue.RevenueLedger;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * Computes cost reports: one SQL statement for the range (spend, stage entries and the revenue ledger), and one more for the comparison range, read
 * in one snapshot so that a load committing meanwhile is seen by both or neither.
 */
public final class CostService {

    private final Warehouse warehouse;
    private final ReportSettings settings;
    private final Clock clock;
    private final KnownSources knownSources;
    private final DataBounds bounds;
    private final Dialect dialect = DuckDbDialect.INSTANCE;
    private final boolean rollups;

    /** The statement's components: the cost figures', then the revenue ledger's. */
    private static final List<String> COMPONENTS = java.util.stream.Stream.concat(CostFigures.COMPONENTS.stream(),
            RevenueLedger.COMPONENTS.stream()).toList();

    public CostService(Warehouse warehouse, ReportSettings settings, Clock clock) {
        this(warehouse, settings, clock, true);
    }

    private CostService(Warehouse warehouse, ReportSettings settings, Clock clock, boolean rollups) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.knownSources = new KnownSources(warehouse);
        this.bounds = new DataBounds(warehouse);
        this.rollups = rollups;
    }

    /**
     * A service that always computes from the contacts, spend and deals themselves, never from rollups: the
     * reference the rollups are tested and measured against.
     */
    public static CostService withoutRollups(Warehouse warehouse, ReportSettings settings, Clock clock) {
        return new CostService(warehouse, settings, clock, false);
    }

    /**
     * Runs a cost query.
     *
     * @throws BadQueryException when the query asks for more periods or rows than allowed, or names an
     *         unknown source or channel
     */
    public CostReport run(CostQuery query) {
        ZoneId zone = query.timeZone() == null ? settings.timeZone() : query.timeZone();
        DayOfWeek weekStart = query.weekStart() == null ? settings.weekStart() : query.weekStart();
        Instant asOf = query.asOf() == null ? clock.instant() : query.asOf();
        ReportCalendar calendar = settings.calendar(zone, weekStart);
        long periodCount = calendar.countPeriods(query.range(), query.grain());
        if (periodCount > settings.maxPeriods()) {
            throw new BadQueryException("The range has " + periodCount + " " + query.grain().name().toLowerCase(Locale.ROOT)
                    + " periods; a report may have at most " + settings.maxPeriods() + ". Shorten the range or use a longer grain");
        }
        knownSources.check(withoutUnattributed(query.sources()), withoutUnattributed(query.channels()));
        List<Period> periods = calendar.periods(query.range(), query.grain(), asOf, 0);
        Optional<List<LocalDate>> comparison = Comparison.starts(calendar, periods, query.grain(), query.compare());

        try (Connection connection = warehouse.connect()) {
            connection.setAutoCommit(false);
            try {
                ReportScope scope = new ReportScope(calendar, query.grain(), periods, query.groupBy(), query.sources(),
                        query.channels(), asOf, KnownAt.toUse(connection, query.knownAt()));
                Grid current = read(connection, scope);
                Grid previous = comparison.isPresent()
                        ? read(connection, scope.withPeriods(comparison.get().stream()
                                .map(start -> calendar.period(start, query.grain(), asOf, 0)).toList()))
                        : null;
                connection.commit();
                GridRows<CostRow> rows = GridRows.assemble(periods, query.groupBy(), query.sources(), query.channels(),
                        current, previous, settings.maxCells(), CostRow::of);
                CostQuery answered = query.withTimeZone(zone).withWeekStart(weekStart).withAsOf(asOf);
                return new CostReport(answered, rows.rows(), rows.groupTotals(), rows.total());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("The cost report failed: " + e.getMessage(), e);
        }
    }

    /** The unattributed group of the revenue ledger is not a source or channel of the data, but may be filtered on. */
    static List<String> withoutUnattributed(List<String> names) {
        return names.stream().filter(name -> !name.equals(RevenueLedger.UNATTRIBUTED)).toList();
    }

    /**
     * True when the daily rollups hold the same numbers as the data itself: days in the workspace time zone,
     * the current data (no earlier knownAt), and no date after asOf in the data the rollup summarises.
     */
    private boolean canUseRollups(ReportScope scope, Instant latest) {
        return rollups && scope.calendar().zone().equals(warehouse.settings().timeZone()) && scope.knownAt() == null
                && !scope.asOf().isBefore(latest);
    }

    private Grid read(Connection connection, ReportScope scope) throws SQLException {
        Parameters parameters = new Parameters(dialect);
        String sql = CostSql.build(dialect, parameters, scope, canUseRollups(scope, bounds.latestWonDealDate()),
                canUseRollups(scope, bounds.latestContactDate()));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                return Grid.read(rs, COMPONENTS, scope.periodIndex());
            }
        }
    }
}

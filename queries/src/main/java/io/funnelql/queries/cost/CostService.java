package io.funnelql.queries.cost;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.engine.Dialect;
import io.funnelql.queries.engine.DuckDbDialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.engine.SqlStatement;
import io.funnelql.queries.metric.MetricPlan;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.DataBounds;
import io.funnelql.queries.report.Grid;
import io.funnelql.queries.report.GridRows;
import io.funnelql.queries.report.KnownAt;
import io.funnelql.queries.report.KnownSources;
import io.funnelql.queries.report.ReportScope;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.queries.targets.CurrentTargets;
import io.funnelql.queries.targets.TargetBook;
import io.funnelql.queries.revenue.RevenueLedger;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * Computes cost reports: one SQL statement for the range (spend, stage entries and the revenue ledger), and
 * one more for the comparison range, read in one snapshot so that a load committing meanwhile is seen by both
 * or neither.
 */
public final class CostService {

    /** The statement's components: the cost figures', then the revenue ledger's. */
    private static final List<String> COMPONENTS = java.util.stream.Stream.concat(CostFigures.COMPONENTS.stream(),
            RevenueLedger.COMPONENTS.stream()).toList();

    private final Warehouse warehouse;
    private final CurrentTargets currentTargets;
    private final ReportSettings settings;
    private final Clock clock;
    private final KnownSources knownSources;
    private final DataBounds bounds;
    private final Dialect dialect = DuckDbDialect.INSTANCE;
    private final boolean rollups;

    public CostService(Warehouse warehouse, ReportSettings settings, Clock clock) {
        this(warehouse, settings, clock, true);
    }

    private CostService(Warehouse warehouse, ReportSettings settings, Clock clock, boolean rollups) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.currentTargets = new CurrentTargets(warehouse);
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
        MetricPlan plan = plan(query);
        try (Connection connection = warehouse.reader()) {
            connection.setAutoCommit(false);
            try {
                @Nullable Instant knownAt = KnownAt.toUse(connection, query.knownAt());
                Grid current = read(connection, plan.scope(knownAt));
                Grid previous = plan.comparisonScope(knownAt).isPresent()
                        ? read(connection, plan.comparisonScope(knownAt).get()) : null;
                TargetBook targets = currentTargets.read(connection, knownAt);
                connection.commit();
                GridRows<CostRow> rows = GridRows.assemble(plan.periods(), query.groupBy(), query.sources(),
                        query.channels(), current, previous, settings.maxCells(), CostRow::of);
                CostQuery answered = query.withTimeZone(plan.zone()).withWeekStart(plan.weekStart()).withAsOf(plan.asOf());
                java.util.function.UnaryOperator<CostRow> targeted = row -> row.withTargets(targets.row(row.period(),
                        query.grain(), row.source(), row.channel(), query.sources(), query.channels()));
                return new CostReport(answered, rows.rows().stream().map(targeted).toList(),
                        rows.groupTotals().stream().map(targeted).toList(), targeted.apply(rows.total()));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("The cost report failed: " + e.getMessage(), e);
        }
    }

    /**
     * The statements {@link #run} would execute for {@code query} (the range's, then the comparison range's),
     * with their parameter values: for benchmarks that time the same SQL directly, and for debugging.
     */
    public List<SqlStatement> statements(CostQuery query) {
        MetricPlan plan = plan(query);
        try (Connection connection = warehouse.reader()) {
            @Nullable Instant knownAt = KnownAt.toUse(connection, query.knownAt());
            List<SqlStatement> statements = new ArrayList<>();
            statements.add(statement(plan.scope(knownAt)));
            plan.comparisonScope(knownAt).ifPresent(scope -> statements.add(statement(scope)));
            return statements;
        } catch (SQLException e) {
            throw new WarehouseException("The cost report failed: " + e.getMessage(), e);
        }
    }

    private MetricPlan plan(CostQuery query) {
        return MetricPlan.resolve(settings, clock, knownSources, query.range(), query.grain(), query.groupBy(),
                query.sources(), query.channels(), query.asOf(), query.compare(), query.weekStart(), query.timeZone());
    }

    /**
     * True when daily rollups hold the same numbers as the data itself: days in the workspace time zone, the
     * current data (no earlier knownAt), and no date after asOf in the data the rollup summarises.
     */
    private boolean canUseRollups(ReportScope scope, Instant latest) {
        return rollups && scope.calendar().zone().equals(warehouse.settings().timeZone()) && scope.knownAt() == null
                && !scope.asOf().isBefore(latest);
    }

    private SqlStatement statement(ReportScope scope) {
        Parameters parameters = new Parameters(dialect);
        String sql = CostSql.build(dialect, parameters, scope, canUseRollups(scope, bounds.latestWonDealDate()),
                canUseRollups(scope, bounds.latestContactDate()));
        return new SqlStatement(sql, parameters.values());
    }

    private Grid read(Connection connection, ReportScope scope) throws SQLException {
        SqlStatement sql = statement(scope);
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                statement.setObject(i + 1, sql.parameters().get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                return Grid.read(rs, COMPONENTS, scope.periodIndex());
            }
        }
    }
}

package io.funnelql.queries.revenue;

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
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * Computes revenue reports: one SQL statement for the range, and one more for the comparison range, read
 * in one snapshot so that a load committing meanwhile is seen by both or neither.
 */
public final class RevenueService {

    private final Warehouse warehouse;
    private final CurrentTargets currentTargets;
    private final ReportSettings settings;
    private final Clock clock;
    private final KnownSources knownSources;
    private final DataBounds bounds;
    private final Dialect dialect = DuckDbDialect.INSTANCE;
    private final boolean rollups;

    public RevenueService(Warehouse warehouse, ReportSettings settings, Clock clock) {
        this(warehouse, settings, clock, true);
    }

    private RevenueService(Warehouse warehouse, ReportSettings settings, Clock clock, boolean rollups) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.currentTargets = new CurrentTargets(warehouse);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.knownSources = new KnownSources(warehouse);
        this.bounds = new DataBounds(warehouse);
        this.rollups = rollups;
    }

    /**
     * A service that always computes from the deals and contacts themselves, never from the rollup: the
     * reference the rollup is tested and measured against.
     */
    public static RevenueService withoutRollups(Warehouse warehouse, ReportSettings settings, Clock clock) {
        return new RevenueService(warehouse, settings, clock, false);
    }

    /**
     * Runs a revenue query.
     *
     * @throws BadQueryException when the query asks for more periods or rows than allowed, or names an
     *         unknown source or channel
     */
    public RevenueReport run(RevenueQuery query) {
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
                GridRows<RevenueRow> rows = GridRows.assemble(plan.periods(), query.groupBy(), query.sources(),
                        query.channels(), current, previous, settings.maxCells(), RevenueRow::of);
                RevenueQuery answered = query.withTimeZone(plan.zone()).withWeekStart(plan.weekStart()).withAsOf(plan.asOf());
                java.util.function.UnaryOperator<RevenueRow> targeted = row -> row.withTargets(targets.row(row.period(),
                        query.grain(), row.source(), row.channel(), query.sources(), query.channels()));
                return new RevenueReport(answered, rows.rows().stream().map(targeted).toList(),
                        rows.groupTotals().stream().map(targeted).toList(), targeted.apply(rows.total()));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("The revenue report failed: " + e.getMessage(), e);
        }
    }

    /**
     * The statements {@link #run} would execute for {@code query} (the range's, then the comparison range's),
     * with their parameter values: for benchmarks that time the same SQL directly, and for debugging.
     */
    public List<SqlStatement> statements(RevenueQuery query) {
        MetricPlan plan = plan(query);
        try (Connection connection = warehouse.reader()) {
            @Nullable Instant knownAt = KnownAt.toUse(connection, query.knownAt());
            List<SqlStatement> statements = new ArrayList<>();
            statements.add(statement(plan.scope(knownAt)));
            plan.comparisonScope(knownAt).ifPresent(scope -> statements.add(statement(scope)));
            return statements;
        } catch (SQLException e) {
            throw new WarehouseException("The revenue report failed: " + e.getMessage(), e);
        }
    }

    private MetricPlan plan(RevenueQuery query) {
        return MetricPlan.resolve(settings, clock, knownSources, query.range(), query.grain(), query.groupBy(),
                query.sources(), query.channels(), query.asOf(), query.compare(), query.weekStart(), query.timeZone());
    }

    /**
     * True when the daily rollup gives exactly the numbers the deals would: days in the rollup's zone, the
     * current data (no earlier knownAt), and no won deal or churn dated after asOf.
     */
    private boolean canUseRollup(ReportScope scope) {
        return rollups && scope.calendar().zone().equals(warehouse.settings().timeZone()) && scope.knownAt() == null
                && !scope.asOf().isBefore(bounds.latestWonDealDate());
    }

    private SqlStatement statement(ReportScope scope) {
        Parameters parameters = new Parameters(dialect);
        String sql = RevenueSql.build(dialect, parameters, scope, canUseRollup(scope));
        return new SqlStatement(sql, parameters.values());
    }

    private Grid read(Connection connection, ReportScope scope) throws SQLException {
        SqlStatement sql = statement(scope);
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                statement.setObject(i + 1, sql.parameters().get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                return Grid.read(rs, RevenueLedger.COMPONENTS, scope.periodIndex());
            }
        }
    }
}

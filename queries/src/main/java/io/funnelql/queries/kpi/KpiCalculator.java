package io.funnelql.queries.kpi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.cost.CostQuery;
import io.funnelql.queries.cost.CostReport;
import io.funnelql.queries.cost.CostRow;
import io.funnelql.queries.cost.CostService;
import io.funnelql.queries.funnel.CohortMode;
import io.funnelql.queries.funnel.FunnelQuery;
import io.funnelql.queries.funnel.FunnelReport;
import io.funnelql.queries.funnel.FunnelRow;
import io.funnelql.queries.funnel.FunnelService;
import io.funnelql.queries.funnel.FunnelStep;
import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.GridRows;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.Period;
import io.funnelql.queries.report.ReportCalendar;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.queries.revenue.RevenueQuery;
import io.funnelql.queries.revenue.RevenueReport;
import io.funnelql.queries.revenue.RevenueRow;
import io.funnelql.queries.revenue.RevenueService;
import io.funnelql.queries.targets.SourceScope;
import io.funnelql.queries.targets.TargetBook;
import io.funnelql.queries.traffic.TrafficQuery;
import io.funnelql.queries.traffic.TrafficReport;
import io.funnelql.queries.traffic.TrafficRow;
import io.funnelql.queries.traffic.TrafficService;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * Computes a KPI definition over a scope with the report services: a catalog metric by the report that computes
 * it (stage counts and rates by the ENTERED, cumulative funnel), a {@code metric_values} series from its rows. The
 * targets come from one {@link TargetBook} for the definition's metric and sources.
 */
final class KpiCalculator {

    /** The values before their targets: per period, over the range, and per part. */
    private record Values(List<Period> periods, List<@Nullable Double> values, @Nullable Double total,
                          Map<String, PartValues> parts) {
    }

    private record PartValues(List<@Nullable Double> values, @Nullable Double total) {
    }

    /** Turns a report's row into its period, source and the definition's value. */
    private record Shape<R>(Function<R, Period> period, Function<R, @Nullable String> source, Function<R, @Nullable Double> value) {
    }

    private final Warehouse warehouse;
    private final ReportSettings settings;
    private final FunnelService funnel;
    private final TrafficService traffic;
    private final RevenueService revenue;
    private final CostService cost;

    KpiCalculator(Warehouse warehouse, ReportSettings settings, FunnelService funnel, TrafficService traffic,
                  RevenueService revenue, CostService cost) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.funnel = Objects.requireNonNull(funnel, "funnel");
        this.traffic = Objects.requireNonNull(traffic, "traffic");
        this.revenue = Objects.requireNonNull(revenue, "revenue");
        this.cost = Objects.requireNonNull(cost, "cost");
    }

    /** The targets as known at {@code knownAt} ({@code null}: now). */
    TargetBook targets(KpiScope scope) {
        try (Connection connection = warehouse.reader()) {
            return TargetBook.read(connection, scope.knownAt());
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read the targets: " + e.getMessage(), e);
        }
    }

    /** The definition's values over the scope, with their targets and parts. */
    KpiSeries compute(KpiDefinition definition, KpiScope scope, TargetBook targets) {
        return compute(definition, scope, targets, true);
    }

    /**
     * The definition's values over the scope, with their targets.
     *
     * @param withParts compute the parts by source of a definition with that breakdown (a funnel's stages come anyway)
     */
    KpiSeries compute(KpiDefinition definition, KpiScope scope, TargetBook targets, boolean withParts) {
        Values values = definition.catalogMetric().map(metric -> catalog(definition, metric.reading(), scope, withParts))
                .orElseGet(() -> series(definition, scope));
        SourceScope sources = definition.targetScope();
        List<Measure> measures = targeted(values.values(), values.periods(), scope, targets, definition.metric(),
                definition.additive(), sources);
        Period span = GridRows.span(values.periods());
        Measure total = new Measure(values.total(), null, false, targets.target(definition.metric(), definition.additive(),
                span.start(), span.end(), scope.grain(), sources));
        List<KpiSeries.Part> parts = new ArrayList<>();
        values.parts().forEach((name, part) -> {
            boolean stage = definition.catalogMetric().filter(m -> m == KpiMetric.FUNNEL).isPresent();
            String metric = stage ? Stage.valueOf(name).metric() : definition.metric();
            SourceScope partSources = stage ? sources : SourceScope.of(name, null, definition.sources(), definition.channels());
            boolean additive = stage || definition.additive();
            parts.add(new KpiSeries.Part(name, targeted(part.values(), values.periods(), scope, targets, metric, additive, partSources),
                    new Measure(part.total(), null, false, targets.target(metric, additive, span.start(), span.end(),
                            scope.grain(), partSources))));
        });
        return new KpiSeries(definition, values.periods(), measures, total, parts);
    }

    private static List<Measure> targeted(List<@Nullable Double> values, List<Period> periods, KpiScope scope, TargetBook targets,
                                          String metric, boolean additive, SourceScope sources) {
        List<Measure> measures = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Period period = periods.get(i);
            measures.add(new Measure(values.get(i), null, false,
                    targets.target(metric, additive, period.start(), period.end(), scope.grain(), sources)));
        }
        return measures;
    }

    private Values catalog(KpiDefinition definition, Reading reading, KpiScope scope, boolean withParts) {
        boolean bySource = withParts && definition.breakdown() == Breakdown.SOURCE;
        if (reading instanceof Reading.Traffic t) {
            TrafficQuery query = new TrafficQuery(scope.range(), scope.grain(), List.of(), definition.sources(), definition.channels(),
                    scope.asOf(), scope.knownAt(), Compare.NONE, scope.weekStart(), scope.zone());
            Shape<TrafficRow> shape = new Shape<>(r -> r.period(), r -> r.source(),
                    r -> t.measure().apply(r).value());
            TrafficReport report = traffic.run(query);
            return fromRows(shape, report.rows(), report.total(), bySource ? traffic.run(query.withGroupBy(Dimension.SOURCE)) : null,
                    TrafficReport::rows, TrafficReport::groupTotals);
        }
        if (reading instanceof Reading.Revenue r) {
            RevenueQuery query = new RevenueQuery(scope.range(), scope.grain(), List.of(), definition.sources(), definition.channels(),
                    scope.asOf(), scope.knownAt(), Compare.NONE, scope.weekStart(), scope.zone());
            Shape<RevenueRow> shape = new Shape<>(row -> row.period(), row -> row.source(),
                    row -> r.measure().apply(row).value());
            RevenueReport report = revenue.run(query);
            return fromRows(shape, report.rows(), report.total(), bySource ? revenue.run(query.withGroupBy(Dimension.SOURCE)) : null,
                    RevenueReport::rows, RevenueReport::groupTotals);
        }
        if (reading instanceof Reading.Cost c) {
            CostQuery query = new CostQuery(scope.range(), scope.grain(), List.of(), definition.sources(), definition.channels(),
                    scope.asOf(), scope.knownAt(), Compare.NONE, scope.weekStart(), scope.zone());
            Shape<CostRow> shape = new Shape<>(row -> row.period(), row -> row.source(),
                    row -> c.measure().apply(row).value());
            CostReport report = cost.run(query);
            return fromRows(shape, report.rows(), report.total(), bySource ? cost.run(query.withGroupBy(Dimension.SOURCE)) : null,
                    CostReport::rows, CostReport::groupTotals);
        }
        return funnel(definition, reading, scope, bySource);
    }

    private static <R, T> Values fromRows(Shape<R> shape, List<R> rows, R total, @Nullable T grouped, Function<T, List<R>> groupedRows,
                                          Function<T, List<R>> groupTotals) {
        Map<String, PartValues> parts = new LinkedHashMap<>();
        if (grouped != null) {
            for (R groupTotal : groupTotals.apply(grouped)) {
                String source = Objects.requireNonNull(shape.source().apply(groupTotal));
                List<@Nullable Double> values = new ArrayList<>();
                for (R row : groupedRows.apply(grouped)) {
                    if (source.equals(shape.source().apply(row))) {
                        values.add(shape.value().apply(row));
                    }
                }
                parts.put(source, new PartValues(values, shape.value().apply(groupTotal)));
            }
        }
        return new Values(rows.stream().map(shape.period()).toList(), rows.stream().map(shape.value()).toList(),
                shape.value().apply(total), parts);
    }

    private Values funnel(KpiDefinition definition, Reading reading, KpiScope scope, boolean bySource) {
        List<Stage> stages = stages(definition, reading);
        FunnelQuery query = FunnelQuery.of(scope.range()).withGrain(scope.grain()).withCohort(CohortMode.ENTERED)
                .withStages(stages.toArray(Stage[]::new)).withSources(definition.sources().toArray(String[]::new))
                .withChannels(definition.channels().toArray(String[]::new)).withCumulative(true).withAsOf(scope.asOf())
                .withKnownAt(scope.knownAt()).withWeekStart(scope.weekStart()).withTimeZone(scope.zone())
                .withExcludeRoleAddresses(definition.excludeRoleAddresses());
        FunnelReport report = funnel.run(query);
        Function<List<FunnelStep>, @Nullable Double> value = steps -> funnelValue(reading, steps);
        Map<String, PartValues> parts = new LinkedHashMap<>();
        if (reading instanceof Reading.WholeFunnel) {
            for (int i = 0; i < stages.size(); i++) {
                int index = i;
                parts.put(stages.get(i).name(), new PartValues(report.rows().stream()
                        .map(row -> (@Nullable Double) (double) row.steps().get(index).count()).toList(),
                        (double) report.totals().get(index).count()));
            }
        } else if (bySource) {
            FunnelReport grouped = funnel.run(query.withGroupBy(Dimension.SOURCE));
            for (FunnelRow groupTotal : grouped.groupTotals()) {
                String source = Objects.requireNonNull(groupTotal.source());
                parts.put(source, new PartValues(grouped.rows().stream().filter(row -> source.equals(row.source()))
                        .map(row -> value.apply(row.steps())).toList(), value.apply(groupTotal.steps())));
            }
        }
        return new Values(report.rows().stream().map(row -> row.period()).toList(),
                report.rows().stream().map(row -> value.apply(row.steps())).toList(), value.apply(report.totals()), parts);
    }

    private static List<Stage> stages(KpiDefinition definition, Reading reading) {
        if (reading instanceof Reading.StageCount count) {
            return List.of(count.stage());
        }
        if (reading instanceof Reading.StageRate rate) {
            return List.of(rate.from(), rate.to());
        }
        return definition.stages();
    }

    /** A stage's entries; a rate's later stage over its earlier; a funnel's last stage over its first. */
    private static @Nullable Double funnelValue(Reading reading, List<FunnelStep> steps) {
        if (reading instanceof Reading.StageCount) {
            return (double) steps.get(0).count();
        }
        return Measure.ratio(steps.get(steps.size() - 1).count(), steps.get(0).count());
    }

    private Values series(KpiDefinition definition, KpiScope scope) {
        ReportCalendar calendar = settings.calendar(scope.zone(), scope.weekStart());
        long count = calendar.countPeriods(scope.range(), scope.grain());
        if (count > settings.maxPeriods()) {
            throw new BadQueryException("The range has " + count + " periods; a report may have at most "
                    + settings.maxPeriods() + ". Shorten the range or use a longer grain");
        }
        List<Period> periods = calendar.periods(scope.range(), scope.grain(), scope.asOf(), 0);
        LocalDate first = periods.get(0).start();
        LocalDate end = periods.get(periods.size() - 1).end().plusDays(1);
        List<MetricValuesSql.DatedValue> dated;
        try (Connection connection = warehouse.reader()) {
            dated = MetricValuesSql.read(connection, definition.metric(), definition.sources(), first, end,
                    scope.asOf().atZone(scope.zone()).toLocalDate(), scope.knownAt());
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read metric values: " + e.getMessage(), e);
        }
        List<@Nullable Double> values = new ArrayList<>();
        for (Period period : periods) {
            values.add(aggregate(definition.aggregation(), dated.stream()
                    .filter(v -> !v.date().isBefore(period.start()) && !v.date().isAfter(period.end())).toList()));
        }
        return new Values(periods, values, aggregate(definition.aggregation(), dated), Map.of());
    }

    /** The value of a period from its dates' values (in date order): see {@link Aggregation}. */
    static @Nullable Double aggregate(Aggregation aggregation, List<MetricValuesSql.DatedValue> dated) {
        if (aggregation == Aggregation.SUM) {
            return dated.stream().mapToDouble(MetricValuesSql.DatedValue::value).sum();
        }
        if (dated.isEmpty()) {
            return null;
        }
        return aggregation == Aggregation.LAST ? dated.get(dated.size() - 1).value()
                : dated.stream().mapToDouble(MetricValuesSql.DatedValue::value).average().orElseThrow();
    }
}

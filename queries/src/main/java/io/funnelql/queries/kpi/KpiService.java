package io.funnelql.queries.kpi;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Warehouse;

/** Computes one KPI over a range with one version of its definition: the report a definition's id and version reproduce. */
public final class KpiService {

    private final ReportSettings settings;
    private final Clock clock;
    private final KpiDefinitions definitions;
    private final KpiCalculator calculator;

    public KpiService(Warehouse warehouse, ReportSettings settings, Clock clock, KpiDefinitions definitions, ReportServices reports) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.definitions = Objects.requireNonNull(definitions, "definitions");
        this.calculator = new KpiCalculator(warehouse, settings, reports.funnel(), reports.traffic(), reports.revenue(), reports.cost());
    }

    /**
     * The definition version {@code query} is computed with.
     *
     * @throws BadQueryException for an unknown KPI or version
     */
    public KpiDefinition definition(KpiQuery query) {
        return definitions.resolve(query.id(), query.version(), query.knownAt());
    }

    /**
     * Runs a KPI query.
     *
     * @throws BadQueryException for an unknown KPI or version, and whatever the report computing the metric refuses
     */
    public KpiReport run(KpiQuery query) {
        return run(query, definition(query));
    }

    /** Runs a KPI query with its definition version resolved already ({@link #definition}). */
    public KpiReport run(KpiQuery query, KpiDefinition definition) {
        ZoneId zone = query.timeZone() == null ? settings.timeZone() : query.timeZone();
        DayOfWeek weekStart = query.weekStart() == null ? settings.weekStart() : query.weekStart();
        Instant asOf = query.asOf() == null ? clock.instant() : query.asOf();
        KpiScope scope = new KpiScope(query.range(), query.grain(), asOf, query.knownAt(), weekStart, zone);
        KpiSeries series = calculator.compute(definition, scope, calculator.targets(scope));
        KpiQuery answered = query.withVersion(definition.version()).withAsOf(asOf).withTimeZone(zone).withWeekStart(weekStart);
        return new KpiReport(answered, series);
    }
}

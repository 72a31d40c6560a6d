package io.funnelql.queries.kpi;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.Period;
import io.funnelql.queries.report.ReportCalendar;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.queries.targets.TargetBook;
import io.funnelql.warehouse.Warehouse;

/**
 * Computes OKR reports: per KPI, the quarter to date and each of its weeks against their targets, with the pacing a
 * linear path through each period gives at asOf ({@link Pacing}) and a status.
 */
public final class OkrService {

    private final ReportSettings settings;
    private final Clock clock;
    private final KpiDefinitions definitions;
    private final KpiCalculator calculator;

    public OkrService(Warehouse warehouse, ReportSettings settings, Clock clock, KpiDefinitions definitions, ReportServices reports) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.definitions = Objects.requireNonNull(definitions, "definitions");
        this.calculator = new KpiCalculator(warehouse, settings, reports.funnel(), reports.traffic(), reports.revenue(), reports.cost());
    }

    /**
     * The definition versions an OKR report considers: the KPIs asked for, or every defined KPI (of which those whose
     * metric has a target for the quarter are reported).
     *
     * @throws BadQueryException for an unknown KPI or version
     */
    public List<KpiDefinition> definitions(OkrQuery query) {
        List<String> ids = query.kpis().isEmpty() ? definitions.all().stream().map(KpiDefinition::id).distinct().toList() : query.kpis();
        return definitions.resolve(ids, query.versions(), query.knownAt());
    }

    /** Computes an OKR report. */
    public OkrReport run(OkrQuery query) {
        return run(query, definitions(query));
    }

    /**
     * Computes an OKR report with its definition versions resolved already ({@link #definitions}).
     *
     * @throws BadQueryException for what a report computing one of its KPIs refuses
     */
    public OkrReport run(OkrQuery query, List<KpiDefinition> resolved) {
        ZoneId zone = query.timeZone() == null ? settings.timeZone() : query.timeZone();
        DayOfWeek weekStart = query.weekStart() == null ? settings.weekStart() : query.weekStart();
        Instant asOf = query.asOf() == null ? clock.instant() : query.asOf();
        ReportCalendar calendar = settings.calendar(zone, weekStart);
        LocalDate start = calendar.periodStart(query.quarter() == null ? asOf.atZone(zone).toLocalDate() : query.quarter(), Grain.QUARTER);
        Period quarter = calendar.period(start, Grain.QUARTER, asOf, 0);
        DateRange range = new DateRange(quarter.start(), quarter.end());
        KpiScope scope = new KpiScope(range, Grain.QUARTER, asOf, query.knownAt(), weekStart, zone);
        TargetBook targets = calculator.targets(scope);

        List<OkrKpi> kpis = new ArrayList<>();
        for (KpiDefinition definition : resolved) {
            Double target = targets.target(definition.metric(), definition.additive(), quarter.start(), quarter.end(), Grain.QUARTER,
                    definition.targetScope());
            if (query.kpis().isEmpty() && target == null) {
                continue;
            }
            KpiSeries total = calculator.compute(definition, scope, targets, false);
            KpiSeries weeks = calculator.compute(definition, scope.with(range, Grain.WEEK), targets, false);
            List<OkrPeriod> weekly = new ArrayList<>();
            for (int i = 0; i < weeks.periods().size(); i++) {
                weekly.add(period(definition, weeks.periods().get(i), weeks.values().get(i), asOf, calendar));
            }
            kpis.add(new OkrKpi(definition, period(definition, total.periods().get(0), total.values().get(0), asOf, calendar), weekly));
        }
        return new OkrReport(query.answered(quarter.start(), asOf, weekStart, zone), quarter, kpis);
    }

    private static OkrPeriod period(KpiDefinition definition, Period period, Measure measure, Instant asOf, ReportCalendar calendar) {
        double elapsed = Pacing.elapsed(period, asOf, calendar);
        Double actual = elapsed == 0 ? null : measure.value();
        Double pacing = Pacing.expected(measure.target(), definition.additive(), elapsed);
        return new OkrPeriod(period, measure.target(), actual, pacing, elapsed,
                Pacing.status(actual, pacing, definition.lowerIsBetter(), elapsed));
    }
}

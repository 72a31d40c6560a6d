package io.funnelql.queries.kpi;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportCalendar;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.queries.targets.TargetBook;
import io.funnelql.warehouse.Warehouse;

/**
 * Computes KPI boards: each KPI (and each KPI a signal pair names) over the board's periods, the last complete
 * period of its grain by asOf and those before it, with the targets as known at knownAt.
 */
public final class KpiBoardService {

    private final ReportSettings settings;
    private final KpiBoardSettings board;
    private final Clock clock;
    private final KpiDefinitions definitions;
    private final KpiCalculator calculator;

    public KpiBoardService(Warehouse warehouse, ReportSettings settings, KpiBoardSettings board, Clock clock,
                           KpiDefinitions definitions, ReportServices reports) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.board = Objects.requireNonNull(board, "board");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.definitions = Objects.requireNonNull(definitions, "definitions");
        this.calculator = new KpiCalculator(warehouse, settings, reports.funnel(), reports.traffic(), reports.revenue(), reports.cost());
    }

    /**
     * The definition versions a board is computed with: the North Star, the KPIs, then the KPIs of the signal pairs
     * not on the board; each once.
     *
     * @throws BadQueryException for an unknown KPI or version
     */
    public List<KpiDefinition> definitions(KpiBoardQuery query) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(query.northStar() == null ? board.northStar() : query.northStar().strip());
        ids.addAll(query.kpis().isEmpty() ? board.kpis() : query.kpis());
        board.signals().forEach(pair -> {
            ids.add(pair.leading());
            ids.add(pair.lagging());
        });
        return definitions.resolve(List.copyOf(ids), query.versions(), query.knownAt());
    }

    /** Computes a board. */
    public KpiBoard run(KpiBoardQuery query) {
        return run(query, definitions(query));
    }

    /**
     * Computes a board with its definition versions resolved already ({@link #definitions}).
     *
     * @throws BadQueryException for what a report computing one of its KPIs refuses
     */
    public KpiBoard run(KpiBoardQuery query, List<KpiDefinition> resolved) {
        Grain grain = query.grain() == null ? board.grain() : query.grain();
        ZoneId zone = query.timeZone() == null ? settings.timeZone() : query.timeZone();
        DayOfWeek weekStart = query.weekStart() == null ? settings.weekStart() : query.weekStart();
        Instant asOf = query.asOf() == null ? clock.instant() : query.asOf();
        ReportCalendar calendar = settings.calendar(zone, weekStart);
        LocalDate last = calendar.plus(calendar.periodStart(asOf.atZone(zone).toLocalDate(), grain), grain, -1);
        LocalDate first = calendar.plus(last, grain, -(board.periods() - 1));
        DateRange range = new DateRange(first, calendar.next(last, grain).minusDays(1));
        KpiScope scope = new KpiScope(range, grain, asOf, query.knownAt(), weekStart, zone);
        TargetBook targets = calculator.targets(scope);

        Map<String, KpiSeries> series = new LinkedHashMap<>();
        for (KpiDefinition definition : resolved) {
            series.put(definition.id(), calculator.compute(definition, scope, targets));
        }
        String northStar = resolved.get(0).id();
        List<String> kpis = query.kpis().isEmpty() ? board.kpis() : query.kpis();
        List<Signal> signals = new ArrayList<>();
        for (SignalPair pair : board.signals()) {
            Signals.detect(series.get(pair.leading()), series.get(pair.lagging()), board.signalThreshold(), grain).ifPresent(signals::add);
        }
        KpiSeries any = series.get(northStar);
        KpiBoardQuery answered = query.withGrain(grain).withAsOf(asOf).withTimeZone(zone).withWeekStart(weekStart);
        return new KpiBoard(answered, grain, any.periods().get(any.periods().size() - 1), any.periods().get(any.periods().size() - 2),
                BoardKpi.of(series.get(northStar)), kpis.stream().map(id -> BoardKpi.of(series.get(id))).toList(), signals);
    }
}

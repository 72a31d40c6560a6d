package io.funnelql.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.funnelql.warehouse.demo.GeneratorSpec;

/**
 * The report workloads the benchmark runs, one line each: what dashboards ask for most, over the generated
 * data's full three years and its last thirteen weeks. Every one is measured alone, and all of them together
 * make the concurrent clients' mixed workload.
 */
final class Workloads {

    /** The CREATED funnel by source and month over the whole range; PostgreSQL runs it too. */
    static final String CREATED_BY_SOURCE_MONTH = "funnel CREATED, source x month, 3 years";
    /** The ENTERED funnel by source and month over the whole range; PostgreSQL runs it too. */
    static final String ENTERED_BY_SOURCE_MONTH = "funnel ENTERED, source x month, 3 years";

    private Workloads() {
    }

    static List<Workload> all(GeneratorSpec spec) {
        String from = spec.from().toString();
        String to = spec.until().toString();
        // The thirteen whole weeks (Monday to Sunday, the default week start) up to the last Sunday of the data.
        LocalDate lastSunday = spec.until().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        String quarterFrom = lastSunday.minusWeeks(13).plusDays(1).toString();
        return List.of(
                new Workload(CREATED_BY_SOURCE_MONTH, FunnelKind.INSTANCE,
                        Map.of("range", range(from, to), "grain", "MONTH", "cohort", "CREATED", "groupBy", List.of("SOURCE"))),
                new Workload(ENTERED_BY_SOURCE_MONTH, FunnelKind.INSTANCE,
                        Map.of("range", range(from, to), "grain", "MONTH", "cohort", "ENTERED", "groupBy", List.of("SOURCE"))),
                new Workload("funnel ENTERED, weekly, 13 weeks", FunnelKind.INSTANCE,
                        Map.of("range", range(quarterFrom, lastSunday.toString()), "grain", "WEEK", "cohort", "ENTERED")),
                new Workload("traffic, source x month, 3 years", MetricKind.TRAFFIC,
                        Map.of("range", range(from, to), "grain", "MONTH", "groupBy", List.of("SOURCE"))),
                new Workload("traffic, weekly, 13 weeks", MetricKind.TRAFFIC,
                        Map.of("range", range(quarterFrom, lastSunday.toString()), "grain", "WEEK")),
                new Workload("traffic, weekly, 3 years", MetricKind.TRAFFIC,
                        Map.of("range", range(from, lastSunday.toString()), "grain", "WEEK")),
                new Workload("revenue, source x month, 3 years", MetricKind.REVENUE,
                        Map.of("range", range(from, to), "grain", "MONTH", "groupBy", List.of("SOURCE"))),
                new Workload("cost, source x month, 3 years", MetricKind.COST,
                        Map.of("range", range(from, to), "grain", "MONTH", "groupBy", List.of("SOURCE"))));
    }

    /**
     * The workloads whose names contain one of {@code filter}'s texts (separated by {@code ;}); all of them for an empty one.
     *
     * @throws Options.UsageException when no workload matches
     */
    static List<Workload> matching(GeneratorSpec spec, String filter) {
        List<String> texts = Arrays.stream(filter.split(";")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        List<Workload> chosen = all(spec).stream()
                .filter(w -> texts.isEmpty() || texts.stream().anyMatch(w.name()::contains)).toList();
        if (chosen.isEmpty()) {
            throw new Options.UsageException("no workload matches --workloads " + filter);
        }
        return chosen;
    }

    private static Map<String, String> range(String from, String to) {
        return Map.of("from", from, "to", to);
    }
}

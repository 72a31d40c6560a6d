package io.funnelql.queries.funnel;

import java.util.List;
import java.util.Objects;

/**
 * A funnel report.
 *
 * @param query the query as it was answered, with every default filled in (time zone, week start, asOf)
 * @param stages the selected stages in funnel order
 * @param rows one per period and group, periods in order and every period present (zeros where nothing
 *        happened); groups ordered by source, then channel
 * @param totals the whole range across all groups
 * @param groupTotals the whole range per group (empty when not grouped); their period spans the range
 */
public record FunnelReport(FunnelQuery query, List<Stage> stages, List<FunnelRow> rows, List<FunnelStep> totals,
                           List<FunnelRow> groupTotals) {

    public FunnelReport {
        Objects.requireNonNull(query, "query");
        stages = List.copyOf(stages);
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
        groupTotals = List.copyOf(groupTotals);
    }

    /** The total of one stage over the whole range. */
    public long total(Stage stage) {
        return totals.stream().filter(s -> s.stage() == stage).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(stage + " is not a selected stage")).count();
    }
}

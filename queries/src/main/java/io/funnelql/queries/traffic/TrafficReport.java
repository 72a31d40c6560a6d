package io.funnelql.queries.traffic;

import java.util.List;
import java.util.Objects;

/**
 * A traffic report.
 *
 * @param query the query as it was answered, with every default filled in (time zone, week start, asOf)
 * @param rows one per period and group, periods in order and every period present (zeros where nothing
 *        happened); groups ordered by source, then channel
 * @param groupTotals the whole range per group (empty when not grouped); their period spans the range
 * @param total the whole range across all groups
 */
public record TrafficReport(TrafficQuery query, List<TrafficRow> rows, List<TrafficRow> groupTotals, TrafficRow total) {

    public TrafficReport {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(total, "total");
        rows = List.copyOf(rows);
        groupTotals = List.copyOf(groupTotals);
    }
}

package io.funnelql.queries.revenue;

import java.util.List;
import java.util.Objects;

/**
 * A revenue report.
 *
 * @param query the query as it was answered, with every default filled in (time zone, week start, asOf)
 * @param rows one per period and group: periods in order, every period present (zeros where nothing
 *        happened), groups ordered by source, then channel
 * @param groupTotals per group over the whole range (empty when not grouped); their period spans the range
 * @param total over the whole range and every group
 */
public record RevenueReport(RevenueQuery query, List<RevenueRow> rows, List<RevenueRow> groupTotals, RevenueRow total) {

    public RevenueReport {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(total, "total");
        rows = List.copyOf(rows);
        groupTotals = List.copyOf(groupTotals);
    }
}

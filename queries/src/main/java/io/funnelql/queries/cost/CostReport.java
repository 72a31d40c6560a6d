package io.funnelql.queries.cost;

import java.util.List;
import java.util.Objects;

/**
 * A cost report.
 *
 * @param query the query as it was answered, with every default filled in (time zone, week start, asOf)
 * @param rows one per period and group: periods in order, every period present (zeros where nothing
 *        happened), groups ordered by source, then channel
 * @param groupTotals per group over the whole range (empty when not grouped); their period spans the range
 * @param total over the whole range and every group
 */
public record CostReport(CostQuery query, List<CostRow> rows, List<CostRow> groupTotals, CostRow total) {

    public CostReport {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(total, "total");
        rows = List.copyOf(rows);
        groupTotals = List.copyOf(groupTotals);
    }
}

package io.funnelql.queries.velocity;

import java.util.List;
import java.util.Objects;

/**
 * A velocity report.
 *
 * @param query the query as it was answered, with every default filled in (time zone, week start, asOf)
 * @param rows one per period and group, periods in order and every period present (no contacts: count 0,
 *        percentiles null); groups ordered by source, then channel
 * @param groupTotals the whole range per group (empty when not grouped); percentiles over all its contacts
 * @param total the whole range across all groups; percentiles over all its contacts
 */
public record VelocityReport(VelocityQuery query, List<VelocityRow> rows, List<VelocityRow> groupTotals, VelocityRow total) {

    public VelocityReport {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(total, "total");
        rows = List.copyOf(rows);
        groupTotals = List.copyOf(groupTotals);
    }
}

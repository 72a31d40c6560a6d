package io.funnelql.api.saved;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.cost.CostReport;
import io.funnelql.queries.funnel.FunnelReport;
import io.funnelql.queries.revenue.RevenueReport;
import io.funnelql.queries.saved.SavedReport;
import io.funnelql.queries.traffic.TrafficReport;
import io.funnelql.queries.velocity.VelocityReport;

/**
 * A saved report's answer: the report of its kind in the field of that kind (the others null), so that GraphQL
 * can type each one.
 *
 * @param asOfNow false: the numbers as saved (the data as known then, at the saved asOf); true: the same report on
 *        the data known now
 * @param saved when {@code asOfNow}, the answer as saved, for showing both side by side; otherwise null
 * @param changes when {@code asOfNow}, every number that differs from the answer as saved; otherwise null
 */
public record SavedReportRun(SavedReport report, boolean asOfNow, @Nullable FunnelReport funnel,
                             @Nullable TrafficReport traffic, @Nullable RevenueReport revenue, @Nullable CostReport cost,
                             @Nullable VelocityReport velocity, @Nullable SavedReportRun saved,
                             @Nullable List<ReportChange> changes) {

    public SavedReportRun {
        Objects.requireNonNull(report, "report");
        changes = changes == null ? null : List.copyOf(changes);
    }

    /** The run of {@code report} that answered {@code answer}, a report of its kind. */
    static SavedReportRun of(SavedReport report, boolean asOfNow, Object answer, @Nullable SavedReportRun saved,
                             @Nullable List<ReportChange> changes) {
        return new SavedReportRun(report, asOfNow, answer instanceof FunnelReport f ? f : null,
                answer instanceof TrafficReport t ? t : null, answer instanceof RevenueReport r ? r : null,
                answer instanceof CostReport c ? c : null, answer instanceof VelocityReport v ? v : null, saved, changes);
    }

    /** The report itself, whichever kind it is. */
    public Object answer() {
        return Objects.requireNonNull(funnel != null ? funnel : traffic != null ? traffic : revenue != null ? revenue
                : cost != null ? cost : velocity);
    }
}

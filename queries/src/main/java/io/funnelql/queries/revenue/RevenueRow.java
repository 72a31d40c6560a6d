package io.funnelql.queries.revenue;

import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Group;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.Period;
import io.funnelql.queries.targets.MetricNames;
import io.funnelql.queries.targets.RowTargets;

/**
 * The revenue of one period (or the range) and group. Each value is a {@link Measure}, with its comparison
 * beside it when the report compares; {@link RevenueFigures} defines each one. Counts are whole numbers,
 * money is in the deals' currency, rates are fractions, and a value whose denominator is 0 is null.
 *
 * @param source the deal's contact's source when grouped by SOURCE ({@value RevenueLedger#UNATTRIBUTED}
 *        for a deal without a known contact)
 * @param channel its channel when grouped by CHANNEL
 */
public record RevenueRow(Period period, @Nullable String source, @Nullable String channel,
                         Measure wonRevenue, Measure wonDeals, Measure averageDealSize, Measure marketingSourcedRevenue,
                         Measure unattributedRevenue, Measure newCustomers, Measure churnedCustomers,
                         Measure customersAtStart, Measure customersAtEnd, Measure newMrr, Measure expansionMrr,
                         Measure churnedMrr, Measure netNewMrr, Measure mrrAtEnd, Measure recurringRevenue, Measure arpu,
                         Measure customerChurnRate, Measure customerMonths, Measure monthlyChurnRate, Measure ltv) {

    public RevenueRow {
        Objects.requireNonNull(period, "period");
    }

    /** The row of a period and group from its ledger components, and the comparison period's when comparing. */
    static RevenueRow of(Period period, Group group, double[] current, double @Nullable [] previous) {
        RevenueFigures now = RevenueFigures.read(current, 0);
        RevenueFigures before = previous == null ? null : RevenueFigures.read(previous, 0);
        return new RevenueRow(period, group.source(), group.channel(),
                measure(now, before, RevenueFigures::wonRevenue),
                measure(now, before, RevenueFigures::wonDeals),
                measure(now, before, RevenueFigures::averageDealSize),
                measure(now, before, RevenueFigures::marketingSourcedRevenue),
                measure(now, before, RevenueFigures::unattributedRevenue),
                measure(now, before, RevenueFigures::newCustomers),
                measure(now, before, RevenueFigures::churnedCustomers),
                measure(now, before, RevenueFigures::customersAtStart),
                measure(now, before, RevenueFigures::customersAtEnd),
                measure(now, before, RevenueFigures::newMrr),
                measure(now, before, RevenueFigures::expansionMrr),
                measure(now, before, RevenueFigures::churnedMrr),
                measure(now, before, RevenueFigures::netNewMrr),
                measure(now, before, RevenueFigures::mrrAtEnd),
                measure(now, before, RevenueFigures::recurringRevenue),
                measure(now, before, RevenueFigures::arpu),
                measure(now, before, RevenueFigures::customerChurnRate),
                measure(now, before, RevenueFigures::customerMonths),
                measure(now, before, RevenueFigures::monthlyChurnRate),
                measure(now, before, RevenueFigures::ltv));
    }

    /**
     * The row with the target of each metric that has one (docs/kpi-board.md, "Targets in reports"): revenue won,
     * won deals, new MRR, net new MRR and MRR at the end.
     */
    RevenueRow withTargets(RowTargets targets) {
        return new RevenueRow(period, source, channel, targets.count(wonRevenue, MetricNames.WON_REVENUE),
                targets.count(wonDeals, MetricNames.WON_DEALS), averageDealSize, marketingSourcedRevenue, unattributedRevenue,
                newCustomers, churnedCustomers, customersAtStart, customersAtEnd, targets.count(newMrr, MetricNames.NEW_MRR),
                expansionMrr, churnedMrr, targets.count(netNewMrr, MetricNames.NET_NEW_MRR), targets.ratio(mrrAtEnd, MetricNames.MRR),
                recurringRevenue, arpu, customerChurnRate, customerMonths, monthlyChurnRate, ltv);
    }

    private static Measure measure(RevenueFigures now, @Nullable RevenueFigures before,
                                   Function<RevenueFigures, @Nullable Double> metric) {
        return new Measure(metric.apply(now), before == null ? null : metric.apply(before), before != null);
    }
}

package io.funnelql.queries.cost;

import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Group;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.Period;
import io.funnelql.queries.targets.MetricNames;
import io.funnelql.queries.targets.RowTargets;

/**
 * The cost of one period (or the range) and group, beside what it bought. Each value is a {@link Measure},
 * with its comparison beside it when the report compares. Counts are whole numbers, money is in the data's
 * currency, ratios are fractions; a value whose denominator is 0 is null, and so is every cost per unit of
 * a period and group without spend (its cost is unknown, not zero). docs/metrics.md ("Cost") defines each.
 *
 * @param source the source when grouped by SOURCE
 * @param channel the channel when grouped by CHANNEL
 */
public record CostRow(Period period, @Nullable String source, @Nullable String channel,
                      Measure spend, Measure newContacts, Measure leads, Measure mqls, Measure newCustomers,
                      Measure costPerContact, Measure costPerLead, Measure costPerMql, Measure cac,
                      Measure wonRevenue, Measure newMrr, Measure roi, Measure ltv, Measure ltvToCac,
                      Measure paybackMonths) {

    public CostRow {
        Objects.requireNonNull(period, "period");
    }

    /** The row of a period and group from its components, and the comparison period's when comparing. */
    static CostRow of(Period period, Group group, double[] current, double @Nullable [] previous) {
        CostFigures now = CostFigures.read(current);
        CostFigures before = previous == null ? null : CostFigures.read(previous);
        return new CostRow(period, group.source(), group.channel(),
                measure(now, before, CostFigures::spend),
                measure(now, before, CostFigures::newContacts),
                measure(now, before, CostFigures::leads),
                measure(now, before, CostFigures::mqls),
                measure(now, before, CostFigures::newCustomers),
                measure(now, before, CostFigures::costPerContact),
                measure(now, before, CostFigures::costPerLead),
                measure(now, before, CostFigures::costPerMql),
                measure(now, before, CostFigures::cac),
                measure(now, before, CostFigures::wonRevenue),
                measure(now, before, CostFigures::newMrr),
                measure(now, before, CostFigures::roi),
                measure(now, before, CostFigures::ltv),
                measure(now, before, CostFigures::ltvToCac),
                measure(now, before, CostFigures::paybackMonths));
    }

    /**
     * The row with the target of each metric that has one (docs/kpi-board.md, "Targets in reports"); LTV,
     * LTV:CAC and payback have none.
     */
    CostRow withTargets(RowTargets targets) {
        return new CostRow(period, source, channel, targets.count(spend, MetricNames.SPEND),
                targets.count(newContacts, MetricNames.CONTACTS), targets.count(leads, MetricNames.LEADS),
                targets.count(mqls, MetricNames.MQLS), targets.count(newCustomers, MetricNames.CUSTOMERS),
                targets.ratio(costPerContact, MetricNames.COST_PER_CONTACT), targets.ratio(costPerLead, MetricNames.COST_PER_LEAD),
                targets.ratio(costPerMql, MetricNames.COST_PER_MQL), targets.ratio(cac, MetricNames.CAC),
                targets.count(wonRevenue, MetricNames.WON_REVENUE), targets.count(newMrr, MetricNames.NEW_MRR),
                targets.ratio(roi, MetricNames.ROI), ltv, ltvToCac, paybackMonths);
    }

    private static Measure measure(CostFigures now, @Nullable CostFigures before, Function<CostFigures, @Nullable Double> metric) {
        return new Measure(metric.apply(now), before == null ? null : metric.apply(before), before != null);
    }
}

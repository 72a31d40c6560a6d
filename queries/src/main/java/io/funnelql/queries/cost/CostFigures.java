package io.funnelql.queries.cost;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Measure;
import io.funnelql.queries.revenue.RevenueFigures;

/**
 * The cost report's figures for one period (or the range) and group, and the metrics derived from them.
 * docs/metrics.md ("Cost") defines each one and why the counts are stage entries.
 *
 * @param spend the spend dated in the period
 * @param newContacts contacts created in the period
 * @param leads contacts that entered LEAD in the period, cumulatively (as the ENTERED funnel counts them)
 * @param mqls contacts that entered MQL in the period, cumulatively
 * @param newCustomers contacts that entered CUSTOMER in the period, cumulatively
 * @param revenue the revenue ledger of the same period and group
 */
record CostFigures(double spend, double newContacts, double leads, double mqls, double newCustomers,
                   RevenueFigures revenue) {

    /** The component columns the cost statement returns after the revenue ledger's, in order. */
    static final List<String> COMPONENTS = List.of("spend", "new_contacts", "leads", "mqls", "new_customers");

    static CostFigures read(double[] components) {
        return new CostFigures(components[0], components[1], components[2], components[3], components[4],
                RevenueFigures.read(components, COMPONENTS.size()));
    }

    /** Spend per unit; null when nothing was spent (the cost is unknown, not zero) or nothing was counted. */
    private @Nullable Double per(double count) {
        return spend == 0 ? null : Measure.ratio(spend, count);
    }

    @Nullable Double costPerContact() {
        return per(newContacts);
    }

    @Nullable Double costPerLead() {
        return per(leads);
    }

    @Nullable Double costPerMql() {
        return per(mqls);
    }

    /** Customer acquisition cost: {@code spend / newCustomers}; null without spend or without new customers. */
    @Nullable Double cac() {
        return per(newCustomers);
    }

    double wonRevenue() {
        return revenue.wonRevenue();
    }

    double newMrr() {
        return revenue.newMrr();
    }

    @Nullable Double ltv() {
        return revenue.ltv();
    }

    /** {@code ltv / cac}; null when either is undefined. */
    @Nullable Double ltvToCac() {
        Double ltv = ltv();
        Double cac = cac();
        return ltv == null || cac == null ? null : ltv / cac;
    }

    /** Marketing ROI: {@code (wonRevenue - spend) / spend}; null without spend. */
    @Nullable Double roi() {
        return Measure.ratio(wonRevenue() - spend, spend);
    }

    /**
     * CAC payback in months: {@code spend / newMrr}, the months of the new MRR won in the period that pay
     * back its spend (CAC over the new MRR per new customer); null without spend or without new MRR.
     */
    @Nullable Double paybackMonths() {
        return spend == 0 ? null : Measure.ratio(spend, newMrr());
    }
}

package io.funnelql.queries.revenue;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Measure;

/**
 * The revenue ledger's figures for one period (or the range) and group, and the metrics derived from them.
 * Money is in the deals' currency, as loaded (amounts in several currencies are added as they are).
 * docs/metrics.md ("Revenue") defines each one.
 *
 * @param wonRevenue the amount of the won deals closed in the period, except {@code churn} deals
 * @param wonDeals how many deals that is
 * @param marketingSourcedRevenue the part of {@code wonRevenue} whose contact came through an inbound source
 * @param unattributedRevenue the part whose deal has no contact, or a contact that is not in the contacts
 * @param newMrr the MRR of the won {@code new} (and untyped) deals closed in the period
 * @param expansionMrr the MRR of the won {@code expansion} deals closed in the period
 * @param churnedMrr the MRR of the customers that churned in the period, all of their running MRR
 * @param newCustomers customers that started a spell in the period
 * @param churnedCustomers customers whose spell ended (churned) in the period
 * @param customersAtStart customers active when the period began
 * @param customersAtEnd customers active when it ended
 * @param mrrAtEnd the MRR running when it ended
 * @param churnedFromStart the churned customers that were active when the period began
 * @param customerMicros the time customers were active in the period, up to asOf, in microseconds
 * @param mrrMicros the running MRR over that time: each customer's MRR times the time it ran, in microseconds
 */
public record RevenueFigures(double wonRevenue, double wonDeals, double marketingSourcedRevenue,
                             double unattributedRevenue, double newMrr, double expansionMrr, double churnedMrr,
                             double newCustomers, double churnedCustomers, double customersAtStart,
                             double customersAtEnd, double mrrAtEnd, double churnedFromStart, double customerMicros,
                             double mrrMicros) {

    /** The average month, in days: a year of 365.25 days over 12. */
    public static final double DAYS_PER_MONTH = 365.25 / 12;
    private static final double MICROS_PER_MONTH = 86_400_000_000.0 * DAYS_PER_MONTH;

    /** The figures among a grid's components, starting at {@code offset} in {@link RevenueLedger#COMPONENTS} order. */
    public static RevenueFigures read(double[] components, int offset) {
        double[] c = java.util.Arrays.copyOfRange(components, offset, offset + RevenueLedger.COMPONENTS.size());
        return new RevenueFigures(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14]);
    }

    /** {@code wonRevenue / wonDeals}; null without won deals. */
    public @Nullable Double averageDealSize() {
        return Measure.ratio(wonRevenue, wonDeals);
    }

    /** {@code newMrr + expansionMrr - churnedMrr}: the change of the running MRR over the period. */
    public double netNewMrr() {
        return newMrr + expansionMrr - churnedMrr;
    }

    /**
     * Average revenue per customer, monthly: {@code recurringRevenue / customerMonths}, the MRR of an average active
     * customer over the period (each customer weighted by the time it was active); null when no customer was
     * active.
     */
    public @Nullable Double arpu() {
        return Measure.ratio(mrrMicros, customerMicros);
    }

    /**
     * {@code churnedFromStart / customersAtStart}: the share of the customers active when the period began
     * that churned in it; null without customers at the start. A customer won and lost within the period is
     * in neither number (see {@link #monthlyChurnRate()}, which counts it).
     */
    public @Nullable Double customerChurnRate() {
        return Measure.ratio(churnedFromStart, customersAtStart);
    }

    /** The time customers were active in the period (up to asOf), in months of {@link #DAYS_PER_MONTH} days. */
    public double customerMonths() {
        return customerMicros / MICROS_PER_MONTH;
    }

    /**
     * The recurring revenue earned in the period: the running MRR times the months it ran (up to asOf), in
     * MRR-months.
     */
    public double recurringRevenue() {
        return mrrMicros / MICROS_PER_MONTH;
    }

    /**
     * {@code churnedCustomers / customerMonths}: customers lost per month a customer was active, comparable
     * across grains; null without customer-months.
     */
    public @Nullable Double monthlyChurnRate() {
        return Measure.ratio(churnedCustomers, customerMonths());
    }

    /**
     * Lifetime value: {@code arpu / monthlyChurnRate}, the monthly revenue of a customer times the months a
     * customer is expected to stay ({@code 1 / monthlyChurnRate}); it comes to {@code recurringRevenue /
     * churnedCustomers}. Null when no customer churned (a churn rate of 0 gives no finite lifetime) or none
     * was active.
     */
    public @Nullable Double ltv() {
        return customerMicros == 0 || churnedCustomers == 0 ? null : recurringRevenue() / churnedCustomers;
    }
}

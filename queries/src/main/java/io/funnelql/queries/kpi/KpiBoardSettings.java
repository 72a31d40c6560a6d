package io.funnelql.queries.kpi;

import java.util.List;
import java.util.Objects;

import io.funnelql.queries.report.Grain;

/**
 * The KPI board a workspace shows unless a query says otherwise (configuration {@code funnelql.kpi-board.*}).
 *
 * @param grain the cadence: the board compares the last complete period of this grain with the one before
 * @param northStar the North Star KPI's id
 * @param kpis the board's KPIs' ids, at most {@value #MAX_KPIS}
 * @param periods how many periods the board's series and signals look back over, ending with the last complete one
 *        (2 to {@value #MAX_PERIODS})
 * @param signalThreshold the trend (share of its mean per period) each KPI of a pair must exceed, in opposite
 *        directions, for a signal; above 0
 * @param signals the pairs watched for signals
 */
public record KpiBoardSettings(Grain grain, String northStar, List<String> kpis, int periods, double signalThreshold,
                               List<SignalPair> signals) {

    /** The most KPIs a board shows besides its North Star. */
    public static final int MAX_KPIS = 10;
    /** The most periods a board looks back over. */
    public static final int MAX_PERIODS = 52;

    public KpiBoardSettings {
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(northStar, "northStar");
        kpis = List.copyOf(kpis);
        signals = List.copyOf(signals);
        if (kpis.size() > MAX_KPIS) {
            throw new IllegalArgumentException("A KPI board shows at most " + MAX_KPIS + " KPIs besides its North Star; "
                    + kpis.size() + " are configured");
        }
        if (periods < 2 || periods > MAX_PERIODS) {
            throw new IllegalArgumentException("A KPI board looks back over 2 to " + MAX_PERIODS + " periods, got " + periods);
        }
        if (!(signalThreshold > 0)) {
            throw new IllegalArgumentException("The signal threshold must be above 0, got " + signalThreshold);
        }
    }

    /**
     * The default board: weekly; New customers as the North Star; MQLs by source, the lifecycle funnel, sessions by
     * source, won revenue, cost per lead and CAC; 4 weeks; signals at 5% a week between sessions and the
     * visitor-to-contact rate, and between MQLs and the MQL-to-SQL rate.
     */
    public static KpiBoardSettings defaults() {
        return new KpiBoardSettings(Grain.WEEK, "customers",
                List.of("mqls", "lifecycle_funnel", "sessions", "won_revenue", "cost_per_lead", "cac"), 4, 0.05,
                List.of(new SignalPair("sessions", "visitor_to_contact_rate"), new SignalPair("mqls", "mql_to_sql_rate")));
    }
}

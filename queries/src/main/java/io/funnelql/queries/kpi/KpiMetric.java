package io.funnelql.queries.kpi;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.funnelql.queries.cost.CostRow;
import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.revenue.RevenueRow;
import io.funnelql.queries.targets.MetricNames;
import io.funnelql.queries.traffic.TrafficRow;

/**
 * The metric catalog: the names KPI definitions and targets use for the numbers the reports compute. Stage counts
 * and rates are the ENTERED, cumulative funnel's (as the cost report counts leads); docs/kpi-board.md lists each
 * with its definition. A name outside the catalog is a {@code metric_values} series.
 */
public enum KpiMetric {

    SESSIONS(MetricNames.SESSIONS, new Reading.Traffic(TrafficRow::sessions), true, false, Indicator.LEADING),
    UNIQUE_VISITORS(MetricNames.UNIQUE_VISITORS, new Reading.Traffic(TrafficRow::uniqueVisitors), true, false, Indicator.LEADING),
    NEW_VISITORS(MetricNames.NEW_VISITORS, new Reading.Traffic(TrafficRow::newVisitors), true, false, Indicator.LEADING),
    VISITOR_TO_CONTACT_RATE(MetricNames.VISITOR_TO_CONTACT_RATE, new Reading.Traffic(TrafficRow::visitorToContactRate), false,
            false, Indicator.LAGGING),
    CONTACTS(MetricNames.CONTACTS, new Reading.StageCount(Stage.CREATED), true, false, Indicator.LEADING),
    SUBSCRIBERS(MetricNames.SUBSCRIBERS, new Reading.StageCount(Stage.SUBSCRIBER), true, false, Indicator.LEADING),
    LEADS(MetricNames.LEADS, new Reading.StageCount(Stage.LEAD), true, false, Indicator.LEADING),
    MQLS(MetricNames.MQLS, new Reading.StageCount(Stage.MQL), true, false, Indicator.LEADING),
    SQLS(MetricNames.SQLS, new Reading.StageCount(Stage.SQL), true, false, Indicator.LEADING),
    OPPORTUNITIES(MetricNames.OPPORTUNITIES, new Reading.StageCount(Stage.OPPORTUNITY), true, false, Indicator.LEADING),
    CUSTOMERS(MetricNames.CUSTOMERS, new Reading.StageCount(Stage.CUSTOMER), true, false, Indicator.LAGGING),
    EVANGELISTS(MetricNames.EVANGELISTS, new Reading.StageCount(Stage.EVANGELIST), true, false, Indicator.LAGGING),
    CONTACT_TO_LEAD_RATE(MetricNames.CONTACT_TO_LEAD_RATE, new Reading.StageRate(Stage.CREATED, Stage.LEAD), false, false,
            Indicator.LAGGING),
    LEAD_TO_MQL_RATE(MetricNames.LEAD_TO_MQL_RATE, new Reading.StageRate(Stage.LEAD, Stage.MQL), false, false, Indicator.LAGGING),
    MQL_TO_SQL_RATE(MetricNames.MQL_TO_SQL_RATE, new Reading.StageRate(Stage.MQL, Stage.SQL), false, false, Indicator.LAGGING),
    SQL_TO_OPPORTUNITY_RATE(MetricNames.SQL_TO_OPPORTUNITY_RATE, new Reading.StageRate(Stage.SQL, Stage.OPPORTUNITY), false,
            false, Indicator.LAGGING),
    OPPORTUNITY_TO_CUSTOMER_RATE(MetricNames.OPPORTUNITY_TO_CUSTOMER_RATE, new Reading.StageRate(Stage.OPPORTUNITY,
            Stage.CUSTOMER), false, false, Indicator.LAGGING),
    FUNNEL(MetricNames.FUNNEL, new Reading.WholeFunnel(), false, false, Indicator.LAGGING),
    WON_REVENUE(MetricNames.WON_REVENUE, new Reading.Revenue(RevenueRow::wonRevenue), true, false, Indicator.LAGGING),
    WON_DEALS(MetricNames.WON_DEALS, new Reading.Revenue(RevenueRow::wonDeals), true, false, Indicator.LAGGING),
    NEW_MRR(MetricNames.NEW_MRR, new Reading.Revenue(RevenueRow::newMrr), true, false, Indicator.LAGGING),
    NET_NEW_MRR(MetricNames.NET_NEW_MRR, new Reading.Revenue(RevenueRow::netNewMrr), true, false, Indicator.LAGGING),
    MRR(MetricNames.MRR, new Reading.Revenue(RevenueRow::mrrAtEnd), false, false, Indicator.LAGGING),
    SPEND(MetricNames.SPEND, new Reading.Cost(CostRow::spend), true, true, Indicator.LEADING),
    COST_PER_CONTACT(MetricNames.COST_PER_CONTACT, new Reading.Cost(CostRow::costPerContact), false, true, Indicator.LEADING),
    COST_PER_LEAD(MetricNames.COST_PER_LEAD, new Reading.Cost(CostRow::costPerLead), false, true, Indicator.LEADING),
    COST_PER_MQL(MetricNames.COST_PER_MQL, new Reading.Cost(CostRow::costPerMql), false, true, Indicator.LEADING),
    CAC(MetricNames.CAC, new Reading.Cost(CostRow::cac), false, true, Indicator.LAGGING),
    ROI(MetricNames.ROI, new Reading.Cost(CostRow::roi), false, false, Indicator.LAGGING);

    private final String id;
    private final Reading reading;
    private final boolean additive;
    private final boolean lowerIsBetter;
    private final Indicator indicator;

    KpiMetric(String id, Reading reading, boolean additive, boolean lowerIsBetter, Indicator indicator) {
        this.id = id;
        this.reading = reading;
        this.additive = additive;
        this.lowerIsBetter = lowerIsBetter;
        this.indicator = indicator;
    }

    /** The name definitions and targets use: {@code mqls}, {@code cost_per_lead}. */
    public String id() {
        return id;
    }

    Reading reading() {
        return reading;
    }

    /**
     * True for counts and amounts, which add up over days and sources (targets are pro-rated, OKR pacing is
     * linear); false for ratios and levels (a target applies as it is to any span inside its period).
     */
    public boolean additive() {
        return additive;
    }

    /** True for costs (spend as a budget, cost per unit, CAC): being under the target is on track. */
    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** The indicator a definition of this metric gets unless it says otherwise. */
    public Indicator indicator() {
        return indicator;
    }

    /** True for the counts and rates of the funnel, the only metrics that can leave out role addresses. */
    public boolean countsContacts() {
        return reading instanceof Reading.StageCount || reading instanceof Reading.StageRate || reading instanceof Reading.WholeFunnel;
    }

    /** The catalog metric with this name, in any case. */
    public static Optional<KpiMetric> find(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(metric -> metric.id.equals(wanted)).findFirst();
    }

    /** Every catalog name, for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(KpiMetric::id).collect(Collectors.joining(", "));
    }
}

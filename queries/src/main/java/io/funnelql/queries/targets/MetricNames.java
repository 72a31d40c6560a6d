package io.funnelql.queries.targets;

/**
 * The names targets and KPI definitions give the metrics the reports compute (the catalog in docs/kpi-board.md).
 * A target whose metric is none of these is for a {@code metric_values} series of that name.
 */
public final class MetricNames {

    /** Sessions started (traffic). */
    public static final String SESSIONS = "sessions";
    /** Distinct visitors (traffic). */
    public static final String UNIQUE_VISITORS = "unique_visitors";
    /** Visitors whose first session ever started in the period (traffic). */
    public static final String NEW_VISITORS = "new_visitors";
    /** Contacts created over unique visitors (traffic). */
    public static final String VISITOR_TO_CONTACT_RATE = "visitor_to_contact_rate";
    /** Contacts created. */
    public static final String CONTACTS = "contacts";
    /** Stage entries, counted cumulatively (the ENTERED funnel). */
    public static final String SUBSCRIBERS = "subscribers", LEADS = "leads", MQLS = "mqls", SQLS = "sqls",
            OPPORTUNITIES = "opportunities", CUSTOMERS = "customers", EVANGELISTS = "evangelists";
    /** Stage entries over the previous stage's in the same period (the ENTERED funnel's step rates). */
    public static final String CONTACT_TO_LEAD_RATE = "contact_to_lead_rate", LEAD_TO_MQL_RATE = "lead_to_mql_rate",
            MQL_TO_SQL_RATE = "mql_to_sql_rate", SQL_TO_OPPORTUNITY_RATE = "sql_to_opportunity_rate",
            OPPORTUNITY_TO_CUSTOMER_RATE = "opportunity_to_customer_rate";
    /** The lifecycle funnel as one KPI: its stages' entries, and the last stage's over the first's. */
    public static final String FUNNEL = "funnel";
    /** Revenue won, won deals, new MRR, net new MRR, MRR at the period's end (revenue). */
    public static final String WON_REVENUE = "won_revenue", WON_DEALS = "won_deals", NEW_MRR = "new_mrr",
            NET_NEW_MRR = "net_new_mrr", MRR = "mrr";
    /** Spend and what it cost per unit (cost). */
    public static final String SPEND = "spend", COST_PER_CONTACT = "cost_per_contact", COST_PER_LEAD = "cost_per_lead",
            COST_PER_MQL = "cost_per_mql", CAC = "cac", ROI = "roi";

    private MetricNames() {
    }
}

package io.funnelql.queries.kpi;

import java.time.Clock;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.cost.CostService;
import io.funnelql.queries.funnel.FunnelService;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.queries.revenue.RevenueService;
import io.funnelql.queries.traffic.TrafficService;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;

/**
 * May 2024 (UTC) for the KPI tests. Five contacts, each a lead and an MQL in May (ENTERED, cumulative):
 * <pre>
 * m1 paid_search    info@   (role)   MQL May 6 (Mon), SQL May 8
 * m2 paid_search    jane@            MQL May 7
 * m3 organic_search sales@  (role)   MQL May 20 (Mon)
 * m4 organic_search bob@             MQL May 21, SQL May 28
 * m5 email          no email         MQL May 22
 * </pre>
 * So May has 5 contacts, 5 leads, 5 MQLs (email 1, organic 2, paid 2) and 2 SQLs; without role addresses 3 MQLs
 * and 1 SQL. By Monday weeks (Apr 29 ... May 27) the MQLs are 0, 2, 0, 3, 0. An MQL target of 4 for May.
 * metric_values: webinar_attendees 40 (May 8) and 60 (May 22); newsletter_subscribers (EMAIL_MARKETING) 1000,
 * 1010, 1030, 1045 on the Mondays May 6 to 27.
 */
final class KpiFixtures {

    static final String CONTACTS = """
            contact_id,created_at,source,email,lead_at,mql_at,sql_at
            m1,2024-05-02,PAID_SEARCH,info@acme.example,2024-05-02,2024-05-06,2024-05-08
            m2,2024-05-03,PAID_SEARCH,jane@acme.example,2024-05-03,2024-05-07,
            m3,2024-05-10,ORGANIC_SEARCH,sales@beta.example,2024-05-10,2024-05-20,
            m4,2024-05-12,ORGANIC_SEARCH,bob@beta.example,2024-05-12,2024-05-21,2024-05-28
            m5,2024-05-15,EMAIL_MARKETING,,2024-05-15,2024-05-22,
            """;
    static final String METRIC_VALUES = """
            metric,date,value,source,note
            webinar_attendees,2024-05-08,40,,Webinar: attribution
            webinar_attendees,2024-05-22,60,,Webinar: forecasting
            newsletter_subscribers,2024-05-06,1000,EMAIL_MARKETING,
            newsletter_subscribers,2024-05-13,1010,EMAIL_MARKETING,
            newsletter_subscribers,2024-05-20,1030,EMAIL_MARKETING,
            newsletter_subscribers,2024-05-27,1045,EMAIL_MARKETING,
            """;
    static final String TARGETS = "metric,period_start,grain,value\nmqls,2024-05-01,MONTH,4\n";

    private KpiFixtures() {
    }

    static void load(Warehouse warehouse) {
        Fixtures.load(warehouse, Dataset.CONTACTS, CONTACTS);
        Fixtures.load(warehouse, Dataset.METRIC_VALUES, METRIC_VALUES);
        Fixtures.load(warehouse, Dataset.TARGETS, TARGETS);
    }

    static ReportServices services(Warehouse warehouse, ReportSettings settings, Clock clock) {
        return new ReportServices(new FunnelService(warehouse, settings, clock), new TrafficService(warehouse, settings, clock),
                new RevenueService(warehouse, settings, clock), new CostService(warehouse, settings, clock));
    }
}

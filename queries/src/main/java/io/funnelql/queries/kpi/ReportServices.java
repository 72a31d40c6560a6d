package io.funnelql.queries.kpi;

import java.util.Objects;

import io.funnelql.queries.cost.CostService;
import io.funnelql.queries.funnel.FunnelService;
import io.funnelql.queries.revenue.RevenueService;
import io.funnelql.queries.traffic.TrafficService;

/** The report services of one warehouse that compute the catalog metrics. */
public record ReportServices(FunnelService funnel, TrafficService traffic, RevenueService revenue, CostService cost) {

    public ReportServices {
        Objects.requireNonNull(funnel, "funnel");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(cost, "cost");
    }
}

package io.funnelql.api.revenue;

import java.time.Clock;

import org.springframework.stereotype.Service;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.queries.revenue.RevenueQuery;
import io.funnelql.queries.revenue.RevenueReport;
import io.funnelql.queries.revenue.RevenueService;

/** Runs revenue queries on the current workspace, for GraphQL and the export endpoint alike. */
@Service
public class RevenueReports {

    private final Workspaces workspaces;
    private final FunnelqlProperties properties;
    private final Clock clock;

    RevenueReports(Workspaces workspaces, FunnelqlProperties properties) {
        this.workspaces = workspaces;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    public RevenueReport run(RevenueQuery query) {
        return workspaces.current()
                .service(RevenueService.class, warehouse -> new RevenueService(warehouse, properties.reportSettings(), clock))
                .run(query);
    }
}

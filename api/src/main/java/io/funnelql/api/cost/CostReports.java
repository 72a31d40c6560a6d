package io.funnelql.api.cost;

import java.time.Clock;

import org.springframework.stereotype.Service;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.queries.cost.CostQuery;
import io.funnelql.queries.cost.CostReport;
import io.funnelql.queries.cost.CostService;

/** Runs cost queries on the current workspace, for GraphQL and the export endpoint alike. */
@Service
public class CostReports {

    private final Workspaces workspaces;
    private final FunnelqlProperties properties;
    private final Clock clock;

    CostReports(Workspaces workspaces, FunnelqlProperties properties) {
        this.workspaces = workspaces;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    public CostReport run(CostQuery query) {
        return workspaces.current()
                .service(CostService.class, warehouse -> new CostService(warehouse, properties.reportSettings(), clock))
                .run(query);
    }
}

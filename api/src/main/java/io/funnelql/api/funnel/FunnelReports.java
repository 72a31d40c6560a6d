package io.funnelql.api.funnel;

import java.time.Clock;

import org.springframework.stereotype.Service;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.queries.funnel.FunnelQuery;
import io.funnelql.queries.funnel.FunnelReport;
import io.funnelql.queries.funnel.FunnelService;

/** Runs funnel queries on the current workspace, for GraphQL and the export endpoint alike. */
@Service
public class FunnelReports {

    private final Workspaces workspaces;
    private final FunnelqlProperties properties;
    private final Clock clock;

    FunnelReports(Workspaces workspaces, FunnelqlProperties properties) {
        this.workspaces = workspaces;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    public FunnelReport run(FunnelQuery query) {
        return workspaces.current()
                .service(FunnelService.class, warehouse -> new FunnelService(warehouse, properties.reportSettings(), clock))
                .run(query);
    }
}

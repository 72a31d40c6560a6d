package io.funnelql.api.traffic;

import java.time.Clock;

import org.springframework.stereotype.Service;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.queries.traffic.TrafficQuery;
import io.funnelql.queries.traffic.TrafficReport;
import io.funnelql.queries.traffic.TrafficService;

/** Runs traffic queries on the current workspace, for GraphQL and the export endpoint alike. */
@Service
public class TrafficReports {

    private final Workspaces workspaces;
    private final FunnelqlProperties properties;
    private final Clock clock;

    TrafficReports(Workspaces workspaces, FunnelqlProperties properties) {
        this.workspaces = workspaces;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    public TrafficReport run(TrafficQuery query) {
        return workspaces.current()
                .service(TrafficService.class, warehouse -> new TrafficService(warehouse, properties.reportSettings(), clock))
                .run(query);
    }
}

package io.funnelql.api.velocity;

import java.time.Clock;

import org.springframework.stereotype.Service;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.queries.velocity.VelocityQuery;
import io.funnelql.queries.velocity.VelocityReport;
import io.funnelql.queries.velocity.VelocityService;

/** Runs velocity queries on the current workspace, for GraphQL and the export endpoint alike. */
@Service
public class VelocityReports {

    private final Workspaces workspaces;
    private final FunnelqlProperties properties;
    private final Clock clock;

    VelocityReports(Workspaces workspaces, FunnelqlProperties properties) {
        this.workspaces = workspaces;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    public VelocityReport run(VelocityQuery query) {
        return workspaces.current()
                .service(VelocityService.class, warehouse -> new VelocityService(warehouse, properties.reportSettings(), clock))
                .run(query);
    }
}

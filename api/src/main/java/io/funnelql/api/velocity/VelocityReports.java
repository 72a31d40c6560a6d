package io.funnelql.api.velocity;

import java.time.Clock;

import org.springframework.stereotype.Service;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.report.ReportCache;
import io.funnelql.api.workspace.Workspace;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.queries.velocity.VelocityQuery;
import io.funnelql.queries.velocity.VelocityReport;
import io.funnelql.queries.velocity.VelocityService;

/** Runs velocity queries on the current workspace, for GraphQL and the export endpoint alike. */
@Service
public class VelocityReports {

    /** Values a row holds, for the cache's size bound. */
    private static final int VALUES_PER_ROW = 26;

    private final Workspaces workspaces;
    private final FunnelqlProperties properties;
    private final ReportCache cache;
    private final Clock clock;

    VelocityReports(Workspaces workspaces, FunnelqlProperties properties, ReportCache cache) {
        this.workspaces = workspaces;
        this.properties = properties;
        this.cache = cache;
        this.clock = Clock.systemUTC();
    }

    /**
     * The velocity report for {@code query} in the current workspace, from the result cache when it holds it.
     *
     * @param refresh compute a fresh answer even if one is cached
     */
    public VelocityReport run(VelocityQuery query, boolean refresh) {
        Workspace workspace = workspaces.current();
        VelocityService service = workspace.service(VelocityService.class,
                warehouse -> new VelocityService(warehouse, properties.reportSettings(), clock));
        return cache.get(workspace, "velocity", query, query.asOf() == null, refresh, () -> service.run(query),
                report -> (long) (report.rows().size() + report.groupTotals().size() + 1) * VALUES_PER_ROW);
    }
}

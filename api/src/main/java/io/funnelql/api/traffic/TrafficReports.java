package io.funnelql.api.traffic;

import java.time.Clock;

import org.springframework.stereotype.Service;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.report.ReportCache;
import io.funnelql.api.workspace.Workspace;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.queries.traffic.TrafficQuery;
import io.funnelql.queries.traffic.TrafficReport;
import io.funnelql.queries.traffic.TrafficService;

/** Runs traffic queries on the current workspace, for GraphQL and the export endpoint alike. */
@Service
public class TrafficReports {

    /** Values a row holds, for the cache's size bound. */
    private static final int VALUES_PER_ROW = 42;

    private final Workspaces workspaces;
    private final FunnelqlProperties properties;
    private final ReportCache cache;
    private final Clock clock;

    TrafficReports(Workspaces workspaces, FunnelqlProperties properties, ReportCache cache) {
        this.workspaces = workspaces;
        this.properties = properties;
        this.cache = cache;
        this.clock = Clock.systemUTC();
    }

    /**
     * The traffic report for {@code query} in the current workspace, from the result cache when it holds it.
     *
     * @param refresh compute a fresh answer even if one is cached
     */
    public TrafficReport run(TrafficQuery query, boolean refresh) {
        Workspace workspace = workspaces.current();
        TrafficService service = workspace.service(TrafficService.class,
                warehouse -> new TrafficService(warehouse, properties.reportSettings(), clock));
        return cache.get(workspace, "traffic", query, query.asOf() == null, refresh, () -> service.run(query),
                report -> (long) (report.rows().size() + report.groupTotals().size() + 1) * VALUES_PER_ROW);
    }
}

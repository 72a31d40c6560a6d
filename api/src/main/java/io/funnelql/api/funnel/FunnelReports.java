package io.funnelql.api.funnel;

import java.time.Clock;

import org.springframework.stereotype.Service;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.report.ReportCache;
import io.funnelql.api.workspace.Workspace;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.queries.funnel.FunnelQuery;
import io.funnelql.queries.funnel.FunnelReport;
import io.funnelql.queries.funnel.FunnelService;

/** Runs funnel queries on the current workspace, for GraphQL and the export endpoint alike. */
@Service
public class FunnelReports {

    private final Workspaces workspaces;
    private final FunnelqlProperties properties;
    private final ReportCache cache;
    private final Clock clock;

    FunnelReports(Workspaces workspaces, FunnelqlProperties properties, ReportCache cache) {
        this.workspaces = workspaces;
        this.properties = properties;
        this.cache = cache;
        this.clock = Clock.systemUTC();
    }

    /**
     * The funnel report for {@code query} in the current workspace, from the result cache when it holds it.
     *
     * @param refresh compute a fresh answer even if one is cached
     */
    public FunnelReport run(FunnelQuery query, boolean refresh) {
        Workspace workspace = workspaces.current();
        FunnelService service = workspace.service(FunnelService.class,
                warehouse -> new FunnelService(warehouse, properties.reportSettings(), clock));
        return cache.get(workspace, "funnel", query, query.asOf() == null, refresh, () -> service.run(query),
                report -> (long) (report.rows().size() + report.groupTotals().size() + 1) * report.stages().size() * 7);
    }
}

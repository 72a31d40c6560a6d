package io.funnelql.api.revenue;

import java.time.Clock;

import org.springframework.stereotype.Service;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.report.ReportCache;
import io.funnelql.api.workspace.Workspace;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.queries.revenue.RevenueQuery;
import io.funnelql.queries.revenue.RevenueReport;
import io.funnelql.queries.revenue.RevenueService;

/** Runs revenue queries on the current workspace, for GraphQL and the export endpoint alike. */
@Service
public class RevenueReports {

    /** Values per row, for the cache's size bound: each measure's value and previous, and its change. */
    private static final int VALUES_PER_ROW = 57;

    private final Workspaces workspaces;
    private final FunnelqlProperties properties;
    private final ReportCache cache;
    private final Clock clock;

    RevenueReports(Workspaces workspaces, FunnelqlProperties properties, ReportCache cache) {
        this.workspaces = workspaces;
        this.properties = properties;
        this.cache = cache;
        this.clock = Clock.systemUTC();
    }

    /**
     * The revenue report for {@code query} in the current workspace, from the result cache when it holds it.
     *
     * @param refresh compute a fresh answer even if one is cached
     */
    public RevenueReport run(RevenueQuery query, boolean refresh) {
        Workspace workspace = workspaces.current();
        RevenueService service = workspace.service(RevenueService.class,
                warehouse -> new RevenueService(warehouse, properties.reportSettings(), clock));
        return cache.get(workspace, "revenue", query, query.asOf() == null, refresh, () -> service.run(query),
                report -> (long) (report.rows().size() + report.groupTotals().size() + 1) * VALUES_PER_ROW);
    }
}

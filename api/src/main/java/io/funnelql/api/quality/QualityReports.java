package io.funnelql.api.quality;

import java.time.Clock;

import org.springframework.stereotype.Service;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.report.ReportCache;
import io.funnelql.api.workspace.Workspace;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.queries.quality.QualityQuery;
import io.funnelql.queries.quality.QualityReport;
import io.funnelql.queries.quality.QualityService;

/** Runs data-quality checks on the current workspace, through the result cache. */
@Service
public class QualityReports {

    private final Workspaces workspaces;
    private final FunnelqlProperties properties;
    private final ReportCache cache;
    private final Clock clock;

    QualityReports(Workspaces workspaces, FunnelqlProperties properties, ReportCache cache) {
        this.workspaces = workspaces;
        this.properties = properties;
        this.cache = cache;
        this.clock = Clock.systemUTC();
    }

    /**
     * The data-quality report for {@code query} in the current workspace. Its answer depends on the data alone
     * (not on the clock), so it is cached until the next load.
     *
     * @param refresh compute a fresh answer even if one is cached
     */
    public QualityReport run(QualityQuery query, boolean refresh) {
        Workspace workspace = workspaces.current();
        QualityService service = workspace.service(QualityService.class,
                warehouse -> new QualityService(warehouse, properties.reportSettings(), clock));
        return cache.get(workspace, "dataQuality", query, false, refresh, () -> service.run(query),
                report -> (long) report.checks().size() * 16);
    }
}

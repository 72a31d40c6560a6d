package io.funnelql.api.kpi;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.report.ReportCache;
import io.funnelql.api.workspace.Workspace;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.queries.cost.CostService;
import io.funnelql.queries.funnel.FunnelService;
import io.funnelql.queries.kpi.KpiBoard;
import io.funnelql.queries.kpi.KpiBoardQuery;
import io.funnelql.queries.kpi.KpiBoardService;
import io.funnelql.queries.kpi.KpiDefinition;
import io.funnelql.queries.kpi.KpiDefinitions;
import io.funnelql.queries.kpi.KpiDraft;
import io.funnelql.queries.kpi.KpiQuery;
import io.funnelql.queries.kpi.KpiReport;
import io.funnelql.queries.kpi.KpiService;
import io.funnelql.queries.kpi.OkrQuery;
import io.funnelql.queries.kpi.OkrReport;
import io.funnelql.queries.kpi.OkrService;
import io.funnelql.queries.kpi.ReportServices;
import io.funnelql.queries.kpi.SavedDefinition;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.queries.revenue.RevenueService;
import io.funnelql.queries.traffic.TrafficService;

/**
 * Runs the KPI board, OKR and KPI reports on the current workspace through the result cache, and reads and saves its
 * KPI definitions. A cached answer is keyed by the query and the definition versions it was computed with, so that
 * saving a definition (which loads nothing) is seen at once.
 */
@Service
public class KpiReports {

    /** The query and the definition versions that answer it: the cache key. */
    private record Keyed(Object query, List<KpiDefinition> definitions) {
    }

    private final Workspaces workspaces;
    private final ReportSettings settings;
    private final KpiBoardProperties board;
    private final ReportCache cache;
    private final Clock clock = Clock.systemUTC();

    KpiReports(Workspaces workspaces, FunnelqlProperties properties, KpiBoardProperties board, ReportCache cache) {
        this.workspaces = workspaces;
        this.settings = properties.reportSettings();
        this.board = board;
        this.cache = cache;
    }

    /** The KPI board for {@code query}. */
    public KpiBoard board(KpiBoardQuery query, boolean refresh) {
        Workspace workspace = workspaces.current();
        // Made before, not inside, the factory: a workspace's services may not be made while another is.
        KpiDefinitions definitions = definitions(workspace);
        ReportServices reports = reports(workspace);
        KpiBoardService service = workspace.service(KpiBoardService.class, warehouse -> new KpiBoardService(warehouse, settings,
                board.settings(), clock, definitions, reports));
        List<KpiDefinition> resolved = service.definitions(query);
        return cache.get(workspace, "kpiBoard", new Keyed(query, resolved), query.asOf() == null, refresh,
                () -> service.run(query, resolved),
                answer -> (long) (answer.kpis().size() + 1) * (board.periods() + 10) * 6);
    }

    /** The OKR report for {@code query}. */
    public OkrReport okr(OkrQuery query, boolean refresh) {
        Workspace workspace = workspaces.current();
        KpiDefinitions definitions = definitions(workspace);
        ReportServices reports = reports(workspace);
        OkrService service = workspace.service(OkrService.class, warehouse -> new OkrService(warehouse, settings, clock,
                definitions, reports));
        List<KpiDefinition> resolved = service.definitions(query);
        return cache.get(workspace, "okr", new Keyed(query, resolved), query.asOf() == null, refresh,
                () -> service.run(query, resolved), answer -> (long) answer.kpis().size() * 15 * 6);
    }

    /** One KPI's report for {@code query}. */
    public KpiReport kpi(KpiQuery query, boolean refresh) {
        Workspace workspace = workspaces.current();
        KpiDefinitions definitions = definitions(workspace);
        ReportServices reports = reports(workspace);
        KpiService service = workspace.service(KpiService.class, warehouse -> new KpiService(warehouse, settings, clock,
                definitions, reports));
        KpiDefinition definition = service.definition(query);
        return cache.get(workspace, "kpi", new Keyed(query, List.of(definition)), query.asOf() == null, refresh,
                () -> service.run(query, definition),
                answer -> (long) (answer.series().values().size() + 1) * (answer.series().parts().size() + 1) * 3);
    }

    /** Every version of every definition, or of one ({@code id}). */
    public List<KpiDefinition> definitions(@Nullable String id) {
        KpiDefinitions definitions = definitions(workspaces.current());
        return id == null ? definitions.all() : definitions.versions(id);
    }

    /** Saves a definition in the current workspace. */
    public SavedDefinition save(KpiDraft draft) {
        return definitions(workspaces.current()).save(draft);
    }

    private KpiDefinitions definitions(Workspace workspace) {
        return workspace.service(KpiDefinitions.class, warehouse -> new KpiDefinitions(warehouse, clock));
    }

    /** The workspace's report services, the same instances its funnel, traffic, revenue and cost reports use. */
    private ReportServices reports(Workspace workspace) {
        return new ReportServices(
                workspace.service(FunnelService.class, warehouse -> new FunnelService(warehouse, settings, clock)),
                workspace.service(TrafficService.class, warehouse -> new TrafficService(warehouse, settings, clock)),
                workspace.service(RevenueService.class, warehouse -> new RevenueService(warehouse, settings, clock)),
                workspace.service(CostService.class, warehouse -> new CostService(warehouse, settings, clock)));
    }
}

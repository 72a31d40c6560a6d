package io.funnelql.api.kpi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import graphql.GraphQLContext;
import io.funnelql.api.report.CacheControl;
import io.funnelql.queries.kpi.KpiBoard;
import io.funnelql.queries.kpi.KpiDefinition;
import io.funnelql.queries.kpi.KpiPoint;
import io.funnelql.queries.kpi.KpiReport;
import io.funnelql.queries.kpi.OkrReport;

/** GraphQL's {@code kpiBoard}, {@code okr} and {@code kpi} queries: one call each to the workspace's KPI reports. */
@Controller
class KpiController {

    private final KpiReports reports;

    KpiController(KpiReports reports) {
        this.reports = reports;
    }

    @QueryMapping
    KpiBoard kpiBoard(@Argument @Nullable KpiBoardInput input, GraphQLContext context) {
        return reports.board(KpiBoardInput.toQuery(input), CacheControl.refresh(context));
    }

    @QueryMapping
    OkrReport okr(@Argument @Nullable OkrInput input, GraphQLContext context) {
        return reports.okr(OkrInput.toQuery(input), CacheControl.refresh(context));
    }

    @QueryMapping
    KpiReport kpi(@Argument KpiInput input, GraphQLContext context) {
        return reports.kpi(input.toQuery(), CacheControl.refresh(context));
    }

    @SchemaMapping(typeName = "KpiBoard")
    Instant asOf(KpiBoard board) {
        return Objects.requireNonNull(board.query().asOf());
    }

    @SchemaMapping(typeName = "KpiBoard")
    @Nullable Instant knownAt(KpiBoard board) {
        return board.query().knownAt();
    }

    @SchemaMapping(typeName = "KpiBoard")
    String timeZone(KpiBoard board) {
        return Objects.requireNonNull(board.query().timeZone()).getId();
    }

    @SchemaMapping(typeName = "KpiBoard")
    DayOfWeek weekStart(KpiBoard board) {
        return Objects.requireNonNull(board.query().weekStart());
    }

    @SchemaMapping(typeName = "OkrReport")
    Instant asOf(OkrReport report) {
        return Objects.requireNonNull(report.query().asOf());
    }

    @SchemaMapping(typeName = "OkrReport")
    @Nullable Instant knownAt(OkrReport report) {
        return report.query().knownAt();
    }

    @SchemaMapping(typeName = "OkrReport")
    String timeZone(OkrReport report) {
        return Objects.requireNonNull(report.query().timeZone()).getId();
    }

    @SchemaMapping(typeName = "OkrReport")
    DayOfWeek weekStart(OkrReport report) {
        return Objects.requireNonNull(report.query().weekStart());
    }

    @SchemaMapping(typeName = "KpiReport")
    KpiDefinition definition(KpiReport report) {
        return report.definition();
    }

    @SchemaMapping(typeName = "KpiReport")
    List<KpiPoint> rows(KpiReport report) {
        return report.series().points();
    }

    @SchemaMapping(typeName = "KpiReport")
    KpiPoint total(KpiReport report) {
        return new KpiPoint(report.series().span(), report.series().total().value(), report.series().total().target());
    }

    @SchemaMapping(typeName = "KpiReport")
    List<KpiReportPart> parts(KpiReport report) {
        return report.series().parts().stream().map(part -> new KpiReportPart(part.name(), report.series().points(part),
                new KpiPoint(report.series().span(), part.total().value(), part.total().target()))).toList();
    }

    @SchemaMapping(typeName = "KpiReport")
    Instant asOf(KpiReport report) {
        return Objects.requireNonNull(report.query().asOf());
    }

    @SchemaMapping(typeName = "KpiReport")
    @Nullable Instant knownAt(KpiReport report) {
        return report.query().knownAt();
    }

    @SchemaMapping(typeName = "KpiReport")
    String timeZone(KpiReport report) {
        return Objects.requireNonNull(report.query().timeZone()).getId();
    }

    @SchemaMapping(typeName = "KpiReport")
    DayOfWeek weekStart(KpiReport report) {
        return Objects.requireNonNull(report.query().weekStart());
    }
}

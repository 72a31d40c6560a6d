package io.funnelql.api.funnel;

import java.time.DayOfWeek;
import java.time.Instant;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.funnelql.api.report.CacheControl;
import io.funnelql.queries.funnel.FunnelReport;

/** GraphQL's {@code funnel} query: one call to the workspace's funnel service. */
@Controller
class FunnelController {

    private final FunnelReports reports;

    FunnelController(FunnelReports reports) {
        this.reports = reports;
    }

    @QueryMapping
    FunnelReport funnel(@Argument FunnelInput input, GraphQLContext context) {
        return reports.run(input.toQuery(), CacheControl.refresh(context));
    }

    @SchemaMapping(typeName = "FunnelReport")
    Instant asOf(FunnelReport report) {
        return java.util.Objects.requireNonNull(report.query().asOf());
    }

    @SchemaMapping(typeName = "FunnelReport")
    @Nullable Instant knownAt(FunnelReport report) {
        return report.query().knownAt();
    }

    @SchemaMapping(typeName = "FunnelReport")
    String timeZone(FunnelReport report) {
        return java.util.Objects.requireNonNull(report.query().timeZone()).getId();
    }

    @SchemaMapping(typeName = "FunnelReport")
    DayOfWeek weekStart(FunnelReport report) {
        return java.util.Objects.requireNonNull(report.query().weekStart());
    }
}

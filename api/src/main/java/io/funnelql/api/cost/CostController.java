package io.funnelql.api.cost;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Objects;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.funnelql.api.report.CacheControl;
import io.funnelql.queries.cost.CostReport;

/** GraphQL's {@code cost} query: one call to the workspace's cost service. */
@Controller
class CostController {

    private final CostReports reports;

    CostController(CostReports reports) {
        this.reports = reports;
    }

    @QueryMapping
    CostReport cost(@Argument CostInput input, GraphQLContext context) {
        return reports.run(input.toQuery(), CacheControl.refresh(context));
    }

    @SchemaMapping(typeName = "CostReport")
    Instant asOf(CostReport report) {
        return Objects.requireNonNull(report.query().asOf());
    }

    @SchemaMapping(typeName = "CostReport")
    @Nullable Instant knownAt(CostReport report) {
        return report.query().knownAt();
    }

    @SchemaMapping(typeName = "CostReport")
    String timeZone(CostReport report) {
        return Objects.requireNonNull(report.query().timeZone()).getId();
    }

    @SchemaMapping(typeName = "CostReport")
    DayOfWeek weekStart(CostReport report) {
        return Objects.requireNonNull(report.query().weekStart());
    }
}

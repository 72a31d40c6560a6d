package io.funnelql.api.revenue;

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
import io.funnelql.queries.revenue.RevenueReport;

/** GraphQL's {@code revenue} query: one call to the workspace's revenue service. */
@Controller
class RevenueController {

    private final RevenueReports reports;

    RevenueController(RevenueReports reports) {
        this.reports = reports;
    }

    @QueryMapping
    RevenueReport revenue(@Argument RevenueInput input, GraphQLContext context) {
        return reports.run(input.toQuery(), CacheControl.refresh(context));
    }

    @SchemaMapping(typeName = "RevenueReport")
    Instant asOf(RevenueReport report) {
        return Objects.requireNonNull(report.query().asOf());
    }

    @SchemaMapping(typeName = "RevenueReport")
    @Nullable Instant knownAt(RevenueReport report) {
        return report.query().knownAt();
    }

    @SchemaMapping(typeName = "RevenueReport")
    String timeZone(RevenueReport report) {
        return Objects.requireNonNull(report.query().timeZone()).getId();
    }

    @SchemaMapping(typeName = "RevenueReport")
    DayOfWeek weekStart(RevenueReport report) {
        return Objects.requireNonNull(report.query().weekStart());
    }
}

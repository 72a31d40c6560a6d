package io.funnelql.api.traffic;

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
import io.funnelql.queries.traffic.TrafficReport;

/** GraphQL's {@code traffic} query: one call to the workspace's traffic service. */
@Controller
class TrafficController {

    private final TrafficReports reports;

    TrafficController(TrafficReports reports) {
        this.reports = reports;
    }

    @QueryMapping
    TrafficReport traffic(@Argument TrafficInput input, GraphQLContext context) {
        return reports.run(input.toQuery(), CacheControl.refresh(context));
    }

    @SchemaMapping(typeName = "TrafficReport")
    Instant asOf(TrafficReport report) {
        return Objects.requireNonNull(report.query().asOf());
    }

    @SchemaMapping(typeName = "TrafficReport")
    @Nullable Instant knownAt(TrafficReport report) {
        return report.query().knownAt();
    }

    @SchemaMapping(typeName = "TrafficReport")
    String timeZone(TrafficReport report) {
        return Objects.requireNonNull(report.query().timeZone()).getId();
    }

    @SchemaMapping(typeName = "TrafficReport")
    DayOfWeek weekStart(TrafficReport report) {
        return Objects.requireNonNull(report.query().weekStart());
    }
}

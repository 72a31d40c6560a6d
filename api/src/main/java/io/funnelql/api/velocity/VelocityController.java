package io.funnelql.api.velocity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Objects;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.funnelql.queries.funnel.Stage;
import io.funnelql.api.report.CacheControl;
import io.funnelql.queries.velocity.VelocityReport;

/** GraphQL's {@code velocity} query: one call to the workspace's velocity service. */
@Controller
class VelocityController {

    private final VelocityReports reports;

    VelocityController(VelocityReports reports) {
        this.reports = reports;
    }

    @QueryMapping
    VelocityReport velocity(@Argument VelocityInput input, GraphQLContext context) {
        return reports.run(input.toQuery(), CacheControl.refresh(context));
    }

    @SchemaMapping(typeName = "VelocityReport")
    Stage fromStage(VelocityReport report) {
        return report.query().fromStage();
    }

    @SchemaMapping(typeName = "VelocityReport")
    Stage toStage(VelocityReport report) {
        return report.query().toStage();
    }

    @SchemaMapping(typeName = "VelocityReport")
    Instant asOf(VelocityReport report) {
        return Objects.requireNonNull(report.query().asOf());
    }

    @SchemaMapping(typeName = "VelocityReport")
    @Nullable Instant knownAt(VelocityReport report) {
        return report.query().knownAt();
    }

    @SchemaMapping(typeName = "VelocityReport")
    String timeZone(VelocityReport report) {
        return Objects.requireNonNull(report.query().timeZone()).getId();
    }

    @SchemaMapping(typeName = "VelocityReport")
    DayOfWeek weekStart(VelocityReport report) {
        return Objects.requireNonNull(report.query().weekStart());
    }
}

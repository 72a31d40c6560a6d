package io.funnelql.api.quality;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.funnelql.api.report.CacheControl;
import io.funnelql.queries.quality.QualityReport;

/** GraphQL's {@code dataQuality} query: one call to the workspace's data-quality service. */
@Controller
class QualityController {

    private final QualityReports reports;

    QualityController(QualityReports reports) {
        this.reports = reports;
    }

    @QueryMapping
    QualityReport dataQuality(@Argument DataQualityInput input, GraphQLContext context) {
        return reports.run(input.toQuery(), CacheControl.refresh(context));
    }

    @SchemaMapping(typeName = "DataQualityReport")
    LocalDate from(QualityReport report) {
        return report.query().range().from();
    }

    @SchemaMapping(typeName = "DataQualityReport")
    LocalDate to(QualityReport report) {
        return report.query().range().to();
    }

    @SchemaMapping(typeName = "DataQualityReport")
    int bulkMqlThreshold(QualityReport report) {
        return report.query().bulkMqlThreshold();
    }

    @SchemaMapping(typeName = "DataQualityReport")
    String timeZone(QualityReport report) {
        return Objects.requireNonNull(report.query().timeZone()).getId();
    }

    @SchemaMapping(typeName = "DataQualityReport")
    DayOfWeek weekStart(QualityReport report) {
        return Objects.requireNonNull(report.query().weekStart());
    }
}

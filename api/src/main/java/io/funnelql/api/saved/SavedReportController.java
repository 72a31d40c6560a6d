package io.funnelql.api.saved;

import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.funnelql.api.report.CacheControl;
import io.funnelql.queries.saved.ReportKind;
import io.funnelql.queries.saved.SavedReport;

/** GraphQL's saved reports: each field one call to the workspace's saved reports. */
@Controller
class SavedReportController {

    private final SavedReports reports;

    SavedReportController(SavedReports reports) {
        this.reports = reports;
    }

    @MutationMapping
    SavedReport saveReport(@Argument String name, @Argument ReportKind kind, @Argument Map<String, Object> input) {
        return reports.save(name, kind, input);
    }

    @MutationMapping
    SavedReport deleteSavedReport(@Argument String id) {
        return reports.delete(id);
    }

    @QueryMapping
    List<SavedReport> savedReports() {
        return reports.list();
    }

    @QueryMapping
    SavedReportRun runSavedReport(@Argument String id, @Argument @Nullable Boolean asOfNow, GraphQLContext context) {
        return reports.run(id, Boolean.TRUE.equals(asOfNow), CacheControl.refresh(context));
    }

    @SchemaMapping(typeName = "SavedReport")
    Map<String, Object> input(SavedReport report) {
        return reports.input(report);
    }

    @SchemaMapping(typeName = "SavedReport")
    Map<String, Object> pinnedInput(SavedReport report) {
        return reports.pinned(report);
    }

    @SchemaMapping(typeName = "SavedReport")
    String timeZone(SavedReport report) {
        return report.timeZone().getId();
    }
}

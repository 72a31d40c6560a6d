package io.funnelql.api.saved;

import java.util.LinkedHashMap;
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
import io.funnelql.queries.report.BadQueryException;
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
    SavedReport saveReport(@Argument String name, @Argument ReportKind kind, @Argument Object input) {
        if (!(input instanceof Map<?, ?> fields)) {
            throw new BadQueryException("A saved report's input is a JSON object: the " + kind.id()
                    + " report's input, such as {range: {from: \"2024-06-01\", to: \"2024-06-30\"}}");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        fields.forEach((field, value) -> json.put(String.valueOf(field), value));
        return reports.save(name, kind, json);
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

package io.funnelql.api.saved;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.funnelql.api.export.ExportTable;
import io.funnelql.api.export.ReportExporter;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.saved.SavedReport;

/**
 * {@code POST /api/export/saved}: a saved report as its kind exports it, for {@code {"id": "...", "asOfNow": false}}.
 * As saved (the default) it is the export of its pinned input, so it holds the numbers it had when saved; with
 * {@code asOfNow} the export of the same report on the data known now, through the exporter of its kind.
 */
@Component
class SavedReportExporter implements ReportExporter {

    private final SavedReports reports;
    private final ObjectProvider<ReportExporter> exporters;

    SavedReportExporter(SavedReports reports, ObjectProvider<ReportExporter> exporters) {
        this.reports = reports;
        this.exporters = exporters;
    }

    @Override
    public String report() {
        return "saved";
    }

    @Override
    public ExportTable export(Map<String, Object> input) {
        boolean otherFields = input.keySet().stream().anyMatch(field -> !field.equals("id") && !field.equals("asOfNow"));
        if (!(input.get("id") instanceof String id) || otherFields) {
            throw new BadQueryException("The export of a saved report takes {\"id\": \"<saved report id>\"} and, to run it on "
                    + "the data known now, \"asOfNow\": true");
        }
        if (input.containsKey("asOfNow") && !(input.get("asOfNow") instanceof Boolean)) {
            throw new BadQueryException("'asOfNow' of a saved report's export must be true or false");
        }
        SavedReport report = reports.find(id);
        String kind = report.kind().id();
        ReportExporter exporter = exporters.stream().filter(e -> e.report().equals(kind)).findFirst()
                .orElseThrow(() -> new BadQueryException("Saved " + report.kind() + " reports cannot be exported: the "
                        + kind + " report has no export; run it with runSavedReport instead"));
        boolean asOfNow = Boolean.TRUE.equals(input.get("asOfNow"));
        return exporter.export(asOfNow ? reports.current(report) : reports.pinned(report));
    }
}

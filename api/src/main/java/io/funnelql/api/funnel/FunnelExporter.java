package io.funnelql.api.funnel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.api.export.ExportColumn;
import io.funnelql.api.export.ExportInputs;
import io.funnelql.api.export.ExportTable;
import io.funnelql.api.export.ReportExporter;
import io.funnelql.queries.funnel.FunnelReport;
import io.funnelql.queries.funnel.FunnelRow;
import io.funnelql.queries.funnel.FunnelStep;

/**
 * {@code POST /api/export/funnel}: the funnel report for a {@code FunnelInput} (the same JSON as GraphQL's),
 * one row per period, group and stage, then each group's and the whole range's totals.
 */
@Component
class FunnelExporter implements ReportExporter {

    static final List<ExportColumn> COLUMNS = List.of(
            ExportColumn.text("row_type"), ExportColumn.date("period_start"), ExportColumn.date("period_end"),
            ExportColumn.text("period_label"), ExportColumn.bool("period_complete"), ExportColumn.text("source"),
            ExportColumn.text("channel"), ExportColumn.text("stage"), ExportColumn.integer("count"),
            ExportColumn.decimal("step_rate"), ExportColumn.decimal("overall_rate"), ExportColumn.integer("previous"),
            ExportColumn.integer("change"), ExportColumn.decimal("change_rate"), ExportColumn.decimal("target"),
            ExportColumn.decimal("attainment"));

    private final FunnelReports reports;
    private final JsonMapper mapper;

    FunnelExporter(FunnelReports reports, JsonMapper mapper) {
        this.reports = reports;
        this.mapper = mapper;
    }

    @Override
    public String report() {
        return "funnel";
    }

    @Override
    public ExportTable export(Map<String, Object> json) {
        FunnelReport report = reports.run(ExportInputs.read(mapper, json, FunnelInput.class).toQuery(), false);
        List<Object[]> rows = new ArrayList<>();
        report.rows().forEach(row -> add(rows, "period", row, row.steps()));
        report.groupTotals().forEach(row -> add(rows, "group_total", row, row.steps()));
        FunnelRow span = new FunnelRow(io.funnelql.queries.report.GridRows.span(
                report.rows().stream().map(FunnelRow::period).distinct().toList()), null, null, report.totals());
        add(rows, "total", span, report.totals());
        return new ExportTable.Rows(COLUMNS, rows.iterator());
    }

    private static void add(List<Object[]> rows, String type, FunnelRow row, List<FunnelStep> steps) {
        for (FunnelStep step : steps) {
            rows.add(new Object[] {type, row.period().start(), row.period().end(), row.period().label(),
                    row.period().complete(), row.source(), row.channel(), step.stage().name(), step.count(),
                    boxed(step.stepRate()), boxed(step.overallRate()), step.previous(), step.change().orElse(null),
                    boxed(step.changeRate()), step.target(), boxed(step.attainment())});
        }
    }

    private static Double boxed(java.util.OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}

package io.funnelql.api.velocity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.api.export.ExportInputs;
import io.funnelql.api.export.ExportTable;
import io.funnelql.api.export.MeasureRows;
import io.funnelql.api.export.ReportExporter;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.velocity.VelocityReport;
import io.funnelql.queries.velocity.VelocityRow;

/**
 * {@code POST /api/export/velocity}: the velocity report for a {@code VelocityInput} (the same JSON as GraphQL's),
 * one row per period, group and metric (named as in GraphQL), then each group's and the whole range's.
 */
@Component
class VelocityExporter implements ReportExporter {

    static final MeasureRows.Shape<VelocityRow> SHAPE = new MeasureRows.Shape<>(VelocityRow::period, VelocityRow::source,
            VelocityRow::channel, metrics());

    private final VelocityReports reports;
    private final JsonMapper mapper;

    VelocityExporter(VelocityReports reports, JsonMapper mapper) {
        this.reports = reports;
        this.mapper = mapper;
    }

    @Override
    public String report() {
        return "velocity";
    }

    @Override
    public ExportTable export(Map<String, Object> json) {
        VelocityReport report = reports.run(ExportInputs.read(mapper, json, VelocityInput.class).toQuery(), false);
        return MeasureRows.table(SHAPE, report.rows(), report.groupTotals(), report.total());
    }

    private static Map<String, Function<VelocityRow, Measure>> metrics() {
        Map<String, Function<VelocityRow, Measure>> metrics = new LinkedHashMap<>();
        metrics.put("contacts", VelocityRow::contacts);
        metrics.put("medianDays", VelocityRow::medianDays);
        metrics.put("p75Days", VelocityRow::p75Days);
        metrics.put("p90Days", VelocityRow::p90Days);
        metrics.put("outOfOrder", VelocityRow::outOfOrder);
        return java.util.Collections.unmodifiableMap(metrics);
    }
}

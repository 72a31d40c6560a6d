package io.funnelql.api.traffic;

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
import io.funnelql.queries.traffic.TrafficReport;
import io.funnelql.queries.traffic.TrafficRow;

/**
 * {@code POST /api/export/traffic}: the traffic report for a {@code TrafficInput} (the same JSON as GraphQL's),
 * one row per period, group and metric (named as in GraphQL), then each group's and the whole range's.
 */
@Component
class TrafficExporter implements ReportExporter {

    static final MeasureRows.Shape<TrafficRow> SHAPE = new MeasureRows.Shape<>(TrafficRow::period, TrafficRow::source,
            TrafficRow::channel, metrics());

    private final TrafficReports reports;
    private final JsonMapper mapper;

    TrafficExporter(TrafficReports reports, JsonMapper mapper) {
        this.reports = reports;
        this.mapper = mapper;
    }

    @Override
    public String report() {
        return "traffic";
    }

    @Override
    public ExportTable export(Map<String, Object> json) {
        TrafficReport report = reports.run(ExportInputs.read(mapper, json, TrafficInput.class).toQuery(), false);
        return MeasureRows.table(SHAPE, report.rows(), report.groupTotals(), report.total());
    }

    private static Map<String, Function<TrafficRow, Measure>> metrics() {
        Map<String, Function<TrafficRow, Measure>> metrics = new LinkedHashMap<>();
        metrics.put("sessions", TrafficRow::sessions);
        metrics.put("uniqueVisitors", TrafficRow::uniqueVisitors);
        metrics.put("newVisitors", TrafficRow::newVisitors);
        metrics.put("returningVisitors", TrafficRow::returningVisitors);
        metrics.put("bounceRate", TrafficRow::bounceRate);
        metrics.put("pageviewsPerSession", TrafficRow::pageviewsPerSession);
        metrics.put("avgSessionDurationSeconds", TrafficRow::avgSessionDurationSeconds);
        metrics.put("contactsCreated", TrafficRow::contactsCreated);
        metrics.put("visitorToContactRate", TrafficRow::visitorToContactRate);
        return java.util.Collections.unmodifiableMap(metrics);
    }
}

package io.funnelql.api.revenue;

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
import io.funnelql.queries.revenue.RevenueReport;
import io.funnelql.queries.revenue.RevenueRow;

/**
 * {@code POST /api/export/revenue}: the revenue report for a {@code RevenueInput} (the same JSON as GraphQL's),
 * one row per period, group and metric (named as in GraphQL), then each group's and the whole range's.
 */
@Component
class RevenueExporter implements ReportExporter {

    static final MeasureRows.Shape<RevenueRow> SHAPE = new MeasureRows.Shape<>(RevenueRow::period, RevenueRow::source,
            RevenueRow::channel, metrics());

    private final RevenueReports reports;
    private final JsonMapper mapper;

    RevenueExporter(RevenueReports reports, JsonMapper mapper) {
        this.reports = reports;
        this.mapper = mapper;
    }

    @Override
    public String report() {
        return "revenue";
    }

    @Override
    public ExportTable export(Map<String, Object> json) {
        RevenueReport report = reports.run(ExportInputs.read(mapper, json, RevenueInput.class).toQuery(), false);
        return MeasureRows.table(SHAPE, report.rows(), report.groupTotals(), report.total());
    }

    private static Map<String, Function<RevenueRow, Measure>> metrics() {
        Map<String, Function<RevenueRow, Measure>> metrics = new LinkedHashMap<>();
        metrics.put("wonRevenue", RevenueRow::wonRevenue);
        metrics.put("wonDeals", RevenueRow::wonDeals);
        metrics.put("averageDealSize", RevenueRow::averageDealSize);
        metrics.put("marketingSourcedRevenue", RevenueRow::marketingSourcedRevenue);
        metrics.put("unattributedRevenue", RevenueRow::unattributedRevenue);
        metrics.put("newCustomers", RevenueRow::newCustomers);
        metrics.put("churnedCustomers", RevenueRow::churnedCustomers);
        metrics.put("customersAtStart", RevenueRow::customersAtStart);
        metrics.put("customersAtEnd", RevenueRow::customersAtEnd);
        metrics.put("newMrr", RevenueRow::newMrr);
        metrics.put("expansionMrr", RevenueRow::expansionMrr);
        metrics.put("churnedMrr", RevenueRow::churnedMrr);
        metrics.put("netNewMrr", RevenueRow::netNewMrr);
        metrics.put("mrrAtEnd", RevenueRow::mrrAtEnd);
        metrics.put("recurringRevenue", RevenueRow::recurringRevenue);
        metrics.put("arpu", RevenueRow::arpu);
        metrics.put("customerChurnRate", RevenueRow::customerChurnRate);
        metrics.put("customerMonths", RevenueRow::customerMonths);
        metrics.put("monthlyChurnRate", RevenueRow::monthlyChurnRate);
        metrics.put("ltv", RevenueRow::ltv);
        return java.util.Collections.unmodifiableMap(metrics);
    }
}

package io.funnelql.api.cost;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.api.export.ExportInputs;
import io.funnelql.api.export.ExportTable;
import io.funnelql.api.export.MeasureRows;
import io.funnelql.api.export.ReportExporter;
import io.funnelql.queries.cost.CostReport;
import io.funnelql.queries.cost.CostRow;
import io.funnelql.queries.report.Measure;

/**
 * {@code POST /api/export/cost}: the cost report for a {@code CostInput} (the same JSON as GraphQL's), one
 * row per period, group and metric (named as in GraphQL), then each group's and the whole range's.
 */
@Component
class CostExporter implements ReportExporter {

    static final MeasureRows.Shape<CostRow> SHAPE = new MeasureRows.Shape<>(CostRow::period, CostRow::source,
            CostRow::channel, metrics());

    private final CostReports reports;
    private final JsonMapper mapper;

    CostExporter(CostReports reports, JsonMapper mapper) {
        this.reports = reports;
        this.mapper = mapper;
    }

    @Override
    public String report() {
        return "cost";
    }

    @Override
    public ExportTable export(Map<String, Object> json) {
        CostReport report = reports.run(ExportInputs.read(mapper, json, CostInput.class).toQuery(), false);
        return MeasureRows.table(SHAPE, report.rows(), report.groupTotals(), report.total());
    }

    private static Map<String, Function<CostRow, Measure>> metrics() {
        Map<String, Function<CostRow, Measure>> metrics = new LinkedHashMap<>();
        metrics.put("spend", CostRow::spend);
        metrics.put("newContacts", CostRow::newContacts);
        metrics.put("leads", CostRow::leads);
        metrics.put("mqls", CostRow::mqls);
        metrics.put("newCustomers", CostRow::newCustomers);
        metrics.put("costPerContact", CostRow::costPerContact);
        metrics.put("costPerLead", CostRow::costPerLead);
        metrics.put("costPerMql", CostRow::costPerMql);
        metrics.put("cac", CostRow::cac);
        metrics.put("wonRevenue", CostRow::wonRevenue);
        metrics.put("newMrr", CostRow::newMrr);
        metrics.put("roi", CostRow::roi);
        metrics.put("ltv", CostRow::ltv);
        metrics.put("ltvToCac", CostRow::ltvToCac);
        metrics.put("paybackMonths", CostRow::paybackMonths);
        return java.util.Collections.unmodifiableMap(metrics);
    }
}

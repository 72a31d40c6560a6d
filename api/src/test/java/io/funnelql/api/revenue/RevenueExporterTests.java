package io.funnelql.api.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.funnelql.queries.report.Measure;
import io.funnelql.queries.revenue.RevenueRow;

/** The export names every measure of the report's rows, in the rows' order, as GraphQL does. */
class RevenueExporterTests {

    /** The names of a report row's measures, in declaration order. */
    static List<String> measures(Class<? extends Record> row) {
        return Arrays.stream(row.getRecordComponents()).filter(c -> c.getType() == Measure.class).map(c -> c.getName()).toList();
    }

    @Test
    void exportsEveryMeasure() {
        assertThat(RevenueExporter.SHAPE.metrics().keySet()).hasSize(20).containsExactlyElementsOf(measures(RevenueRow.class));
    }
}

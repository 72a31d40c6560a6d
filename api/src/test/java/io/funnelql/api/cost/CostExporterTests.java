package io.funnelql.api.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.funnelql.queries.cost.CostRow;
import io.funnelql.queries.report.Measure;

/** The export names every measure of the report's rows, in the rows' order, as GraphQL does. */
class CostExporterTests {

    @Test
    void exportsEveryMeasure() {
        assertThat(CostExporter.SHAPE.metrics().keySet()).hasSize(15).containsExactlyElementsOf(Arrays.stream(
                CostRow.class.getRecordComponents()).filter(c -> c.getType() == Measure.class).map(c -> c.getName()).toList());
    }
}

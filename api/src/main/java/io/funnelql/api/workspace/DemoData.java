package io.funnelql.api.workspace;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.demo.GenerationReport;
import io.funnelql.warehouse.demo.Generator;
import io.funnelql.warehouse.demo.GeneratorSpec;

/** Fills a warehouse with the demo data set (docs/demo-data.md): three years ending on a given day. */
final class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private DemoData() {
    }

    static void fill(Warehouse warehouse, LocalDate until) {
        GeneratorSpec spec = GeneratorSpec.demo(until);
        GenerationReport report = new Generator().generate(warehouse, spec);
        log.info("Demo data: {} rows from {} to {} generated in {} ms", report.rows(), spec.from(), spec.until(),
                report.elapsed().toMillis());
    }
}

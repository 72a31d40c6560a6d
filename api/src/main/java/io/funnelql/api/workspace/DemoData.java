package io.funnelql.api.workspace;

import java.time.LocalDate;

import io.funnelql.warehouse.Warehouse;

/** Fills a warehouse with the demo data set. */
final class DemoData {

    private DemoData() {
    }

    static void fill(Warehouse warehouse, LocalDate until) {
        throw new UnsupportedOperationException("The demo data set is not part of this build yet; serve your own "
                + "warehouse (--db) instead of --demo");
    }
}

package io.funnelql.queries.revenue;

import io.funnelql.queries.engine.Dialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.report.Grid;
import io.funnelql.queries.report.ReportScope;

/** The one statement of a revenue report over a scope: the ledger, aggregated by period and group. */
final class RevenueSql {

    private RevenueSql() {
    }

    /** @param rollup answer from the daily revenue rollup, which the caller has checked is valid for the scope */
    static String build(Dialect dialect, Parameters parameters, ReportScope scope, boolean rollup) {
        return "WITH " + RevenueLedger.ctes(dialect, parameters, scope, rollup) + "\nSELECT period_start, source, channel, "
                + Grid.SET_ID + ",\n" + RevenueLedger.aggregates(parameters, scope) + "\nFROM ledger "
                + Grid.groupingSets(scope.groupBy());
    }
}

package io.funnelql.queries.kpi;

import java.util.function.Function;

import io.funnelql.queries.cost.CostRow;
import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.revenue.RevenueRow;
import io.funnelql.queries.traffic.TrafficRow;

/** Where a catalog metric's value comes from: a report's measure, or the ENTERED cumulative funnel's counts. */
sealed interface Reading {

    /** A measure of the traffic report. */
    record Traffic(Function<TrafficRow, Measure> measure) implements Reading {
    }

    /** A measure of the revenue report. */
    record Revenue(Function<RevenueRow, Measure> measure) implements Reading {
    }

    /** A measure of the cost report. */
    record Cost(Function<CostRow, Measure> measure) implements Reading {
    }

    /** The entries of one stage. */
    record StageCount(Stage stage) implements Reading {
    }

    /** The entries of {@code to} over those of {@code from}, in the same period. */
    record StageRate(Stage from, Stage to) implements Reading {
    }

    /** The definition's stages; the value is the last stage's entries over the first's. */
    record WholeFunnel() implements Reading {
    }
}

package io.funnelql.queries.kpi;

import java.util.List;
import java.util.Objects;

import io.funnelql.queries.report.Period;

/**
 * A leading KPI moving against its lagging one over the board's periods, with the numbers behind it.
 *
 * @param leading the leading KPI's definition version
 * @param lagging the lagging KPI's definition version
 * @param kind which way they moved
 * @param periods the periods looked at, oldest first
 * @param leadingValues the leading KPI's value in each
 * @param laggingValues the lagging KPI's value in each
 * @param leadingTrend the leading KPI's trend: its least-squares slope per period over its mean ({@link Signals#trend})
 * @param laggingTrend the lagging KPI's trend
 * @param message what happened, in words
 */
public record Signal(KpiDefinition leading, KpiDefinition lagging, SignalKind kind, List<Period> periods,
                     List<Double> leadingValues, List<Double> laggingValues, double leadingTrend, double laggingTrend,
                     String message) {

    public Signal {
        Objects.requireNonNull(leading, "leading");
        Objects.requireNonNull(lagging, "lagging");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        periods = List.copyOf(periods);
        leadingValues = List.copyOf(leadingValues);
        laggingValues = List.copyOf(laggingValues);
    }
}

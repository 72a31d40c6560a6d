package io.funnelql.queries.funnel;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Period;

/**
 * The funnel of one period (and group, when grouped).
 *
 * @param period the period
 * @param source the canonical source, when grouped by SOURCE
 * @param channel the channel, when grouped by CHANNEL
 * @param steps one per selected stage, in funnel order
 */
public record FunnelRow(Period period, @Nullable String source, @Nullable String channel, List<FunnelStep> steps) {

    public FunnelRow {
        Objects.requireNonNull(period, "period");
        steps = List.copyOf(steps);
    }

    /** The step of a stage. */
    public FunnelStep step(Stage stage) {
        return steps.stream().filter(s -> s.stage() == stage).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(stage + " is not a selected stage"));
    }

    /** The count of a stage. */
    public long count(Stage stage) {
        return step(stage).count();
    }
}

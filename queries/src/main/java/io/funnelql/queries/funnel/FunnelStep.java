package io.funnelql.queries.funnel;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.jspecify.annotations.Nullable;

/**
 * One stage's count in a report row, with what its rates are computed from.
 *
 * @param stage the stage
 * @param count contacts counted at this stage
 * @param priorStageCount the count of the previous selected stage; {@code null} for the first selected stage
 * @param firstStageCount the count of the first selected stage
 * @param previous the count in the comparison period; {@code null} when the report compares nothing
 * @param target the stage's target for the row's period and sources, when the step counts what the target's
 *        metric counts (docs/kpi-board.md, "Targets in reports"); {@code null} otherwise
 */
public record FunnelStep(Stage stage, long count, @Nullable Long priorStageCount, long firstStageCount,
                         @Nullable Long previous, @Nullable Double target) {

    public FunnelStep {
        Objects.requireNonNull(stage, "stage");
    }

    /** A step without a target. */
    public FunnelStep(Stage stage, long count, @Nullable Long priorStageCount, long firstStageCount, @Nullable Long previous) {
        this(stage, count, priorStageCount, firstStageCount, previous, null);
    }

    /** {@code count / target}; empty without a target or when it is 0. */
    public OptionalDouble attainment() {
        return target == null || target == 0 ? OptionalDouble.empty() : OptionalDouble.of(count / target);
    }

    /**
     * {@code count / priorStageCount} as a fraction (0.25 is 25%); empty for the first selected stage and
     * when the previous stage counted nobody. It may exceed 1 when stages were skipped and not counted
     * cumulatively, or with messy data.
     */
    public OptionalDouble stepRate() {
        return priorStageCount == null ? OptionalDouble.empty() : ratio(count, priorStageCount);
    }

    /** {@code count / firstStageCount} as a fraction; empty when the first stage counted nobody. */
    public OptionalDouble overallRate() {
        return ratio(count, firstStageCount);
    }

    /** {@code count - previous}; empty without a comparison. */
    public Optional<Long> change() {
        return previous == null ? Optional.empty() : Optional.of(count - previous);
    }

    /** {@code (count - previous) / previous}; empty without a comparison or when previous is 0. */
    public OptionalDouble changeRate() {
        return previous == null ? OptionalDouble.empty() : ratio(count - previous, previous);
    }

    private static OptionalDouble ratio(long numerator, long denominator) {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }
}

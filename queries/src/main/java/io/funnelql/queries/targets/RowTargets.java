package io.funnelql.queries.targets;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.Period;

/**
 * The targets of one report row: a period (or a whole range), the report's grain and the sources the row covers.
 * See {@link TargetBook} for how a target is found.
 */
public final class RowTargets {

    private final TargetBook book;
    private final Period period;
    private final Grain grain;
    private final SourceScope scope;

    RowTargets(TargetBook book, Period period, Grain grain, SourceScope scope) {
        this.book = book;
        this.period = period;
        this.grain = grain;
        this.scope = scope;
    }

    /** The target of a metric that adds up over days and sources (a count, an amount). */
    public @Nullable Double count(String metric) {
        return book.target(metric, true, period.start(), period.end(), grain, scope);
    }

    /** The target of a ratio (a rate, a cost per unit): the targets' values weighted by the days they cover. */
    public @Nullable Double ratio(String metric) {
        return book.target(metric, false, period.start(), period.end(), grain, scope);
    }

    /** The measure with the target of {@code metric}, a count or an amount. */
    public Measure count(Measure measure, String metric) {
        return measure.withTarget(count(metric));
    }

    /** The measure with the target of {@code metric}, a ratio. */
    public Measure ratio(Measure measure, String metric) {
        return measure.withTarget(ratio(metric));
    }
}

package io.funnelql.queries.kpi;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.Measure;

/**
 * The signal rule: a leading KPI and its lagging one whose trends over the same periods point in opposite
 * directions, each by at least the threshold.
 *
 * <p>A series' trend is the slope of the least-squares line through its values (x = 0, 1, ... for the periods),
 * divided by the mean of the values: the share of its level the KPI gains (or loses) per period. A series with a
 * missing value or a mean of 0 has no trend, and gives no signal.
 */
final class Signals {

    private Signals() {
    }

    /**
     * The trend of a series: {@code slope / mean}, where {@code slope = sum((x - mean x)(y - mean y)) /
     * sum((x - mean x)^2)}. For 100, 110, 120, 130: slope 10, mean 115, trend 0.087.
     *
     * @return empty with fewer than two values, a missing value or a mean of 0
     */
    static OptionalDouble trend(List<@Nullable Double> values) {
        int n = values.size();
        if (n < 2 || values.stream().anyMatch(v -> v == null)) {
            return OptionalDouble.empty();
        }
        double meanX = (n - 1) / 2.0;
        double meanY = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (meanY == 0) {
            return OptionalDouble.empty();
        }
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            covariance += (i - meanX) * (values.get(i) - meanY);
            variance += (i - meanX) * (i - meanX);
        }
        return OptionalDouble.of(covariance / variance / Math.abs(meanY));
    }

    /**
     * The signal of a pair, if its KPIs moved apart: the leading trend at or above {@code threshold} and the lagging
     * at or below {@code -threshold}, or the other way round.
     */
    static Optional<Signal> detect(KpiSeries leading, KpiSeries lagging, double threshold, Grain grain) {
        List<@Nullable Double> leadingValues = leading.values().stream().map(Measure::value).toList();
        List<@Nullable Double> laggingValues = lagging.values().stream().map(Measure::value).toList();
        OptionalDouble leadingTrend = trend(leadingValues);
        OptionalDouble laggingTrend = trend(laggingValues);
        if (leadingTrend.isEmpty() || laggingTrend.isEmpty()) {
            return Optional.empty();
        }
        double lead = leadingTrend.getAsDouble();
        double lag = laggingTrend.getAsDouble();
        SignalKind kind;
        if (lead >= threshold && lag <= -threshold) {
            kind = SignalKind.LEADING_UP_LAGGING_DOWN;
        } else if (lead <= -threshold && lag >= threshold) {
            kind = SignalKind.LEADING_DOWN_LAGGING_UP;
        } else {
            return Optional.empty();
        }
        String unit = grain.name().toLowerCase(Locale.ROOT);
        String message = String.format(Locale.ROOT, "%s %s %.1f%% a %s over the last %d %ss while %s %s %.1f%% a %s",
                leading.definition().name(), lead > 0 ? "rose" : "fell", Math.abs(lead) * 100, unit, leadingValues.size(), unit,
                lagging.definition().name(), lag > 0 ? "rose" : "fell", Math.abs(lag) * 100, unit);
        return Optional.of(new Signal(leading.definition(), lagging.definition(), kind, leading.periods(),
                leadingValues.stream().map(v -> (double) v).toList(), laggingValues.stream().map(v -> (double) v).toList(),
                lead, lag, message));
    }
}

package io.funnelql.api.saved;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Period;

/**
 * One number of a saved report that differs between the report as saved and the same report run on the data
 * known now.
 *
 * @param rowType {@code period} (a row), {@code group_total} or {@code total}, as exports name them
 * @param period the row's period (the whole range for totals)
 * @param source the row's source when grouped by SOURCE
 * @param channel the row's channel when grouped by CHANNEL
 * @param metric the field's name in the report ({@code sessions}, {@code cac}, ...), or for a funnel the stage
 *        whose count it is ({@code MQL})
 * @param saved the value as saved; {@code null} when undefined then, or when the row did not exist
 * @param now the value now; {@code null} when undefined now, or when the row no longer exists
 */
public record ReportChange(String rowType, Period period, @Nullable String source, @Nullable String channel, String metric,
                           @Nullable Double saved, @Nullable Double now) {

    public ReportChange {
        Objects.requireNonNull(rowType, "rowType");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(metric, "metric");
    }

    /** {@code now - saved}; null when either is. */
    public @Nullable Double change() {
        return saved == null || now == null ? null : now - saved;
    }
}

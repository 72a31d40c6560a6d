package io.funnelql.queries.quality;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.DateRange;

/**
 * What a data-quality report is asked for; docs/metrics.md ("Data quality") says which records a range selects
 * for each check.
 *
 * @param range inclusive dates in the report time zone; gap checks look at the weeks overlapping it, whole
 * @param bulkMqlThreshold how many contacts entering MQL in the same minute make a bulk stamp
 * @param weekStart the first day of a week (for gaps); {@code null}: the configured default
 * @param timeZone the report time zone; {@code null}: the configured default
 * @throws BadQueryException when the threshold is below 2 or above {@value #MAX_BULK_MQL_THRESHOLD}
 */
public record QualityQuery(DateRange range, int bulkMqlThreshold, @Nullable DayOfWeek weekStart, @Nullable ZoneId timeZone) {

    /** Contacts in one minute that make a bulk stamp unless asked otherwise. */
    public static final int DEFAULT_BULK_MQL_THRESHOLD = 20;

    public static final int MAX_BULK_MQL_THRESHOLD = 1_000_000;

    public QualityQuery {
        Objects.requireNonNull(range, "range");
        if (bulkMqlThreshold < 2 || bulkMqlThreshold > MAX_BULK_MQL_THRESHOLD) {
            throw new BadQueryException("bulkMqlThreshold must be 2 to " + MAX_BULK_MQL_THRESHOLD
                    + " (contacts entering MQL in the same minute); got " + bulkMqlThreshold);
        }
    }

    /** A query over a range with the default threshold, week start and time zone. */
    public static QualityQuery of(DateRange range) {
        return new QualityQuery(range, DEFAULT_BULK_MQL_THRESHOLD, null, null);
    }

    public QualityQuery withBulkMqlThreshold(int threshold) {
        return new QualityQuery(range, threshold, weekStart, timeZone);
    }

    public QualityQuery withWeekStart(@Nullable DayOfWeek weekStart) {
        return new QualityQuery(range, bulkMqlThreshold, weekStart, timeZone);
    }

    public QualityQuery withTimeZone(@Nullable ZoneId timeZone) {
        return new QualityQuery(range, bulkMqlThreshold, weekStart, timeZone);
    }
}

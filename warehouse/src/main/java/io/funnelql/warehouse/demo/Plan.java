package io.funnelql.warehouse.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The numbers every dataset's SQL shares, derived once from a spec: the calendar window, and how row
 * numbers find their day (see {@link Timeline}).
 *
 * <p>Times are handled as local wall-clock microseconds since 1970-01-01 00:00 (a naive timestamp); the
 * loader's session reads them in the workspace time zone when they become instants.
 */
record Plan(GeneratorSpec spec) {

    static final long MICROS_PER_DAY = 86_400_000_000L;
    /** Buckets per day of the timeline: enough that a bucket rarely spans more than two days. */
    private static final long BUCKETS_PER_DAY = 4;

    Plan {
        Objects.requireNonNull(spec, "spec");
    }

    LocalDate from() {
        return spec.from();
    }

    LocalDate until() {
        return spec.until();
    }

    /** Days in the window, {@code until} included: 1096 or 1097. */
    long days() {
        return ChronoUnit.DAYS.between(from(), until()) + 1;
    }

    /** Local microseconds of the window's first midnight. */
    long fromMicros() {
        return from().toEpochDay() * MICROS_PER_DAY;
    }

    /** Local microseconds of the midnight after {@code until}: every generated moment is before it. */
    long endMicros() {
        return until().plusDays(1).toEpochDay() * MICROS_PER_DAY;
    }

    /** Rows per bucket when {@code rows} rows are spread over the window's days. */
    long bucketSize(long rows) {
        return Math.max(1, rows / (BUCKETS_PER_DAY * days()));
    }

    /** Rows the contacts and sessions queries number: the larger of the two. */
    long rowNumbers() {
        return Math.max(spec.contacts(), spec.sessions());
    }

    long buckets(long rows) {
        long size = bucketSize(rows);
        return (rows + size - 1) / size;
    }

    /** A template holding the values every query uses. */
    SqlTemplate template() {
        return new SqlTemplate(spec.seed())
                .withFragment("row_numbers", RowNumbers.TABLE)
                .with("contacts", spec.contacts())
                .with("sessions", spec.sessions())
                .with("from", from())
                .with("until", until())
                .with("days", days())
                .with("from_epoch_day", from().toEpochDay())
                .with("from_us", fromMicros())
                .with("end_us", endMicros())
                .with("contact_bucket_size", bucketSize(spec.contacts()))
                .with("contact_buckets", buckets(spec.contacts()))
                .with("session_bucket_size", bucketSize(spec.sessions()))
                .with("session_buckets", buckets(spec.sessions()));
    }
}

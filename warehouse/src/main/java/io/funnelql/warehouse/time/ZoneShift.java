package io.funnelql.warehouse.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A time zone's offset from UTC over a span of instants, as the few offsets it takes there: the
 * offset in force from the start, and each daylight-saving (or other) transition inside the span.
 *
 * <p>Reports and rollups turn instants into local time with it by plain arithmetic ({@code instant +
 * offset}), which engines do far faster than a time-zone library call per row (about ten times in DuckDB);
 * the result is the same for every instant inside the span. The offsets come from the JDK's time-zone
 * rules, so reports and rollups agree on every local day.
 *
 * @param initialOffsetSeconds the offset in force at the span's start
 * @param transitions the instants (epoch seconds) inside the span where the offset changes, each with
 *        the offset from then on, in order
 */
public record ZoneShift(int initialOffsetSeconds, List<Change> transitions) {

    private static final long MICROS = 1_000_000L;

    /** From {@code atEpochSecond} on, local time is UTC plus {@code offsetSeconds}. */
    public record Change(long atEpochSecond, int offsetSeconds) {
    }

    public ZoneShift {
        transitions = List.copyOf(transitions);
    }

    /** The offsets of {@code zone} over {@code [from, to)}. */
    public static ZoneShift of(ZoneId zone, Instant from, Instant to) {
        Objects.requireNonNull(zone, "zone");
        ZoneRules rules = zone.getRules();
        List<Change> changes = new ArrayList<>();
        ZoneOffset initial = rules.getOffset(from);
        ZoneOffsetTransition next = rules.nextTransition(from);
        while (next != null && next.getInstant().isBefore(to)) {
            changes.add(new Change(next.getInstant().getEpochSecond(), next.getOffsetAfter().getTotalSeconds()));
            next = rules.nextTransition(next.getInstant());
        }
        return new ZoneShift(initial.getTotalSeconds(), changes);
    }

    /** True when the offset is the same throughout the span. */
    public boolean isFixed() {
        return transitions.isEmpty();
    }

    /**
     * SQL for the local wall-clock time, in microseconds since 1970-01-01T00:00 local, of the instant whose
     * UTC microseconds {@code micros} is (an expression, repeated as needed, so it should be cheap: a column
     * or {@code epoch_us(column)}). Valid for instants inside the span. With transitions, the offset is
     * found by a balanced search over them, so a span of decades costs a handful of comparisons per row.
     */
    public String localMicros(String micros) {
        if (isFixed()) {
            return initialOffsetSeconds == 0 ? micros : "(" + micros + " + " + initialOffsetSeconds * MICROS + ")";
        }
        return "(" + micros + " + " + offsetMicros(micros, 0, transitions.size()) + ")";
    }

    /** The offset in force in segments {@code first..last}: segment 0 is before the first transition, segment k after the k-th. */
    private String offsetMicros(String micros, int first, int last) {
        if (first == last) {
            return Long.toString(offsetSeconds(first) * MICROS);
        }
        int middle = (first + last + 1) / 2;
        return "CASE WHEN " + micros + " < " + transitions.get(middle - 1).atEpochSecond() * MICROS + " THEN "
                + offsetMicros(micros, first, middle - 1) + " ELSE " + offsetMicros(micros, middle, last) + " END";
    }

    private long offsetSeconds(int segment) {
        return segment == 0 ? initialOffsetSeconds : transitions.get(segment - 1).offsetSeconds();
    }
}

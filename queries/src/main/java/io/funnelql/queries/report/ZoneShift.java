package io.funnelql.queries.report;

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
 * <p>Reports turn instants into local time with it by plain arithmetic ({@code instant + offset}),
 * which engines do far faster than a time-zone library call per row; the result is the same for every
 * instant inside the span.
 *
 * @param initialOffsetSeconds the offset in force at the span's start
 * @param transitions the instants (epoch seconds) inside the span where the offset changes, each with
 *        the offset from then on, in order
 */
public record ZoneShift(int initialOffsetSeconds, List<Change> transitions) {

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
}

package io.funnelql.queries.report;

import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/**
 * The group of a report row: its source and channel when the report is grouped by them, else null.
 * Groups are ordered by source, then channel.
 */
public record Group(@Nullable String source, @Nullable String channel) {

    /** The one group of an ungrouped report. */
    public static final Group ALL = new Group(null, null);

    public static final Comparator<Group> ORDER = Comparator
            .comparing(Group::source, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Group::channel, Comparator.nullsFirst(Comparator.<String>naturalOrder()));
}

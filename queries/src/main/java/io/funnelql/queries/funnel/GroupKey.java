package io.funnelql.queries.funnel;

import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/** The group of a report row: its source and channel when grouped by them, else null. */
record GroupKey(@Nullable String source, @Nullable String channel) {

    static final GroupKey NONE = new GroupKey(null, null);

    static final Comparator<GroupKey> ORDER = Comparator
            .comparing(GroupKey::source, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(GroupKey::channel, Comparator.nullsFirst(Comparator.<String>naturalOrder()));
}

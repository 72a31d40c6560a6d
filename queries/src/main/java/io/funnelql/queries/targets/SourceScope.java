package io.funnelql.queries.targets;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The sources a report row covers, as far as targets are concerned: targets are set for all sources together or
 * for one source, never for a channel.
 */
public sealed interface SourceScope {

    /** Every source: the row is not split by source and not filtered. */
    record All() implements SourceScope {
    }

    /** One source: the row's group, or the only source of the filter. */
    record One(String source) implements SourceScope {

        public One {
            Objects.requireNonNull(source, "source");
        }
    }

    /** Several sources of a filter, together in one row. */
    record Some(List<String> sources) implements SourceScope {

        public Some {
            sources = List.copyOf(sources);
        }
    }

    /** Rows no target is set for: split or filtered by channel, without one source. */
    record None() implements SourceScope {
    }

    SourceScope ALL = new All();
    SourceScope NONE = new None();

    /**
     * The scope of a report row.
     *
     * @param rowSource the row's source when the report is grouped by SOURCE, else null
     * @param rowChannel the row's channel when grouped by CHANNEL, else null
     * @param sources the report's source filter (empty: all)
     * @param channels the report's channel filter (empty: all)
     */
    static SourceScope of(@Nullable String rowSource, @Nullable String rowChannel, List<String> sources, List<String> channels) {
        if (rowSource != null) {
            return new One(rowSource);
        }
        if (rowChannel != null || !channels.isEmpty()) {
            return NONE;
        }
        if (sources.isEmpty()) {
            return ALL;
        }
        return sources.size() == 1 ? new One(sources.get(0)) : new Some(sources);
    }
}

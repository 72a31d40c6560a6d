package io.funnelql.queries.traffic;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.funnelql.queries.report.Dimension;

/**
 * Which visitor-day rollup counts a report's distinct visitors: over all sessions, per source or per
 * channel. A distinct count cannot be added up across groups, so a report's rows can be answered from a
 * level only when each row's sessions are exactly one group of that level.
 */
enum VisitorLevel {
    ALL("rollup_visitor_days"),
    SOURCE("rollup_visitor_days_by_source"),
    CHANNEL("rollup_visitor_days_by_channel");

    private final String table;

    VisitorLevel(String table) {
        this.table = table;
    }

    String table() {
        return table;
    }

    /**
     * The levels that count the visitors of the rows and group totals, and of the total.
     *
     * @param cells the level of the rows and group totals
     * @param total the level of the total over every group
     */
    record Choice(VisitorLevel cells, VisitorLevel total) {

        /** True when a source-level count must be placed in (or filtered by) its channel. */
        boolean needsChannelOfSource(List<Dimension> groupBy, List<String> channels) {
            return (cells == SOURCE || total == SOURCE) && (groupBy.contains(Dimension.CHANNEL) || !channels.isEmpty());
        }
    }

    /**
     * The levels that answer a report exactly, or empty when none does: the visitors of several sources (or
     * channels) together, other than all of them, are not in any rollup.
     *
     * @param oneChannelPerSource every source's sessions have the same channel, so that a source's visitors
     *        are also visitors of its channel
     */
    static Optional<Choice> choose(List<Dimension> groupBy, List<String> sources, List<String> channels,
                                   boolean oneChannelPerSource) {
        Set<String> sourceSet = new HashSet<>(sources);
        Set<String> channelSet = new HashSet<>(channels);
        VisitorLevel total;
        if (sourceSet.isEmpty() && channelSet.isEmpty()) {
            total = ALL;
        } else if (sourceSet.size() == 1) {
            total = SOURCE;
        } else if (sourceSet.isEmpty() && channelSet.size() == 1) {
            total = CHANNEL;
        } else {
            return Optional.empty();
        }
        VisitorLevel cells;
        if (groupBy.contains(Dimension.SOURCE)) {
            cells = SOURCE;
        } else if (groupBy.contains(Dimension.CHANNEL)) {
            if (!sourceSet.isEmpty()) {
                return Optional.empty();
            }
            cells = CHANNEL;
        } else {
            cells = total;
        }
        Choice choice = new Choice(cells, total);
        if (choice.needsChannelOfSource(groupBy, channels) && !oneChannelPerSource) {
            return Optional.empty();
        }
        return Optional.of(choice);
    }
}

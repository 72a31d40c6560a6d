package io.funnelql.queries.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * A metric report's rows, built from its {@link Grid}s: every period for every group (zeros where nothing
 * was aggregated), each group over the range, and the grand total, each with the comparison values
 * beside them when the report compares.
 *
 * @param rows per period and group: periods in order, groups ordered by source then channel
 * @param groupTotals per group over the whole range; empty when the report is not grouped
 * @param total over the whole range and every group
 */
public record GridRows<R>(List<R> rows, List<R> groupTotals, R total) {

    /** Makes one report row from its components (and the comparison period's, when comparing). */
    @FunctionalInterface
    public interface RowFactory<R> {
        R row(Period period, Group group, double[] current, double @Nullable [] previous);
    }

    public GridRows {
        rows = List.copyOf(rows);
        groupTotals = List.copyOf(groupTotals);
    }

    /**
     * @param groupBy the report's grouping; none gives one group, {@link Group#ALL}
     * @param sources the source filter: with groupBy SOURCE alone, these sources get rows even without data
     * @param channels the channel filter, likewise with groupBy CHANNEL alone
     * @param previous the comparison range's grid (its period i compares with period i), or null
     * @throws BadQueryException when periods x groups exceeds {@code maxCells}
     */
    public static <R> GridRows<R> assemble(List<Period> periods, List<Dimension> groupBy, List<String> sources,
                                           List<String> channels, Grid current, @Nullable Grid previous, int maxCells,
                                           RowFactory<R> factory) {
        TreeSet<Group> groups = new TreeSet<>(Group.ORDER);
        if (groupBy.isEmpty()) {
            groups.add(Group.ALL);
        } else {
            groups.addAll(current.groups());
            if (previous != null) {
                groups.addAll(previous.groups());
            }
            if (groupBy.equals(List.of(Dimension.SOURCE))) {
                sources.forEach(s -> groups.add(new Group(s, null)));
            } else if (groupBy.equals(List.of(Dimension.CHANNEL))) {
                channels.forEach(c -> groups.add(new Group(null, c)));
            }
        }
        if ((long) groups.size() * periods.size() > maxCells) {
            throw new BadQueryException("The report would have " + (long) groups.size() * periods.size()
                    + " rows; at most " + maxCells + " are allowed. Shorten the range, use a longer grain or filter sources");
        }
        List<R> rows = new ArrayList<>();
        List<R> groupTotals = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            for (Group group : groups) {
                rows.add(factory.row(periods.get(p), group, current.cell(group, p), previous == null ? null : previous.cell(group, p)));
            }
        }
        Period span = span(periods);
        if (!groupBy.isEmpty()) {
            for (Group group : groups) {
                groupTotals.add(factory.row(span, group, current.groupTotal(group),
                        previous == null ? null : previous.groupTotal(group)));
            }
        }
        R total = factory.row(span, Group.ALL, current.total(), previous == null ? null : previous.total());
        return new GridRows<>(rows, groupTotals, total);
    }

    /** The whole range as one period: complete when every period is. */
    public static Period span(List<Period> periods) {
        Period first = periods.get(0);
        Period last = periods.get(periods.size() - 1);
        return new Period(first.start(), last.end(), first.label() + " – " + last.label(),
                periods.stream().allMatch(Period::complete));
    }
}

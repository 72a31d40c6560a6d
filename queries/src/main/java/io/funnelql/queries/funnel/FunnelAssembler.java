package io.funnelql.queries.funnel;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Period;
import io.funnelql.queries.targets.RowTargets;
import io.funnelql.queries.targets.TargetBook;

/**
 * Turns counts into report rows: every period for every group (zeros where nothing happened), the
 * comparison values beside them, and totals over the range.
 */
final class FunnelAssembler {

    private FunnelAssembler() {
    }

    static FunnelReport assemble(FunnelQuery query, List<Period> periods, FunnelCounts current,
                                 @Nullable FunnelCounts previous, int maxCells, TargetBook targets) {
        TreeSet<GroupKey> groups = new TreeSet<>(GroupKey.ORDER);
        groups.addAll(current.groups());
        if (previous != null) {
            groups.addAll(previous.groups());
        }
        addFiltered(query, groups);
        if (query.groupBy().isEmpty()) {
            groups.clear();
            groups.add(GroupKey.NONE);
        }
        if ((long) groups.size() * periods.size() > maxCells) {
            throw new BadQueryException("The report would have " + (long) groups.size() * periods.size()
                    + " rows; at most " + maxCells + " are allowed. Shorten the range, use a longer grain or filter sources");
        }
        List<Stage> stages = query.stages();
        List<FunnelRow> rows = new ArrayList<>();
        List<FunnelRow> groupTotals = new ArrayList<>();
        long[] total = new long[stages.size()];
        long[] totalPrevious = new long[stages.size()];
        for (GroupKey group : groups) {
            long[] groupTotal = new long[stages.size()];
            long[] groupPrevious = new long[stages.size()];
            for (int p = 0; p < periods.size(); p++) {
                long[] counts = current.get(group, p);
                long[] compared = previous == null ? null : previous.get(group, p);
                rows.add(new FunnelRow(periods.get(p), group.source(), group.channel(),
                        steps(query, counts, compared, targets.row(periods.get(p), query.grain(), group.source(), group.channel(),
                                query.sources(), query.channels()))));
                add(groupTotal, counts);
                add(total, counts);
                if (compared != null) {
                    add(groupPrevious, compared);
                    add(totalPrevious, compared);
                }
            }
            if (!query.groupBy().isEmpty()) {
                groupTotals.add(new FunnelRow(span(periods), group.source(), group.channel(),
                        steps(query, groupTotal, previous == null ? null : groupPrevious, targets.row(span(periods), query.grain(),
                                group.source(), group.channel(), query.sources(), query.channels()))));
            }
        }
        rows.sort(java.util.Comparator.comparing((FunnelRow r) -> r.period().start())
                .thenComparing(r -> new GroupKey(r.source(), r.channel()), GroupKey.ORDER));
        return new FunnelReport(query, stages, rows, steps(query, total, previous == null ? null : totalPrevious,
                targets.row(span(periods), query.grain(), null, null, query.sources(), query.channels())), groupTotals);
    }

    /** Sources or channels named in a filter are reported even when nothing happened in them. */
    private static void addFiltered(FunnelQuery query, TreeSet<GroupKey> groups) {
        if (query.groupBy().equals(List.of(Dimension.SOURCE))) {
            query.sources().forEach(s -> groups.add(new GroupKey(s, null)));
        } else if (query.groupBy().equals(List.of(Dimension.CHANNEL))) {
            query.channels().forEach(c -> groups.add(new GroupKey(null, c)));
        }
    }

    private static List<FunnelStep> steps(FunnelQuery query, long[] counts, long @Nullable [] previous, RowTargets targets) {
        List<Stage> stages = query.stages();
        List<FunnelStep> steps = new ArrayList<>(stages.size());
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            // A stage's target counts its entries in the period, cumulatively: what the ENTERED cumulative funnel
            // counts. Contacts created are counted alike by both cohorts.
            boolean targeted = stage == Stage.CREATED || (query.cohort() == CohortMode.ENTERED && query.cumulative());
            steps.add(new FunnelStep(stage, counts[i], i == 0 ? null : counts[i - 1], counts[0],
                    previous == null ? null : previous[i], targeted ? targets.count(stage.metric()) : null));
        }
        return steps;
    }

    private static Period span(List<Period> periods) {
        Period first = periods.get(0);
        Period last = periods.get(periods.size() - 1);
        boolean complete = periods.stream().allMatch(Period::complete);
        return new Period(first.start(), last.end(), first.label() + " – " + last.label(), complete);
    }

    private static void add(long[] into, long[] counts) {
        for (int i = 0; i < into.length; i++) {
            into[i] += counts[i];
        }
    }
}

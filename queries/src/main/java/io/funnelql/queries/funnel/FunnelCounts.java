package io.funnelql.queries.funnel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.funnelql.queries.report.Dimension;

/**
 * The counts a funnel statement returned: per group, per period (by position), per selected stage.
 */
final class FunnelCounts {

    private final int periods;
    private final int stages;
    private final Map<GroupKey, long[][]> counts = new HashMap<>();

    private FunnelCounts(int periods, int stages) {
        this.periods = periods;
        this.stages = stages;
    }

    static FunnelCounts read(ResultSet rs, FunnelPlan plan, Map<LocalDate, Integer> periodIndex) throws SQLException {
        FunnelCounts result = new FunnelCounts(periodIndex.size(), plan.stages().size());
        Map<String, Integer> stageIndex = new HashMap<>();
        for (int i = 0; i < plan.stages().size(); i++) {
            stageIndex.put(FunnelSql.entryColumn(plan.stages().get(i)), i);
        }
        while (rs.next()) {
            Integer period = periodIndex.get(rs.getObject("period_start", LocalDate.class));
            if (period == null) {
                // An instant inside the range always falls in one of its periods; anything else is a bug.
                throw new IllegalStateException("period outside the range: " + rs.getObject("period_start"));
            }
            GroupKey group = new GroupKey(
                    plan.groupBy().contains(Dimension.SOURCE) ? rs.getString("source") : null,
                    plan.groupBy().contains(Dimension.CHANNEL) ? rs.getString("channel") : null);
            long[] row = result.row(group, period);
            if (plan.cohort() == CohortMode.CREATED) {
                for (int i = 0; i < plan.stages().size(); i++) {
                    row[i] += rs.getLong(FunnelSql.countColumn(plan.stages().get(i)));
                }
            } else {
                row[stageIndex.get(rs.getString("stage"))] += rs.getLong("n");
            }
        }
        return result;
    }

    long[] row(GroupKey group, int period) {
        return counts.computeIfAbsent(group, g -> new long[periods][stages])[period];
    }

    /** The counts of a group and period; zeros when nothing was counted. */
    long[] get(GroupKey group, int period) {
        long[][] byPeriod = counts.get(group);
        return byPeriod == null ? new long[stages] : byPeriod[period];
    }

    java.util.Set<GroupKey> groups() {
        return counts.keySet();
    }
}

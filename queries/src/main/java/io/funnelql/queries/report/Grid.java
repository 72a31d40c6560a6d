package io.funnelql.queries.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The aggregates a report statement returned, addressed by group and period.
 *
 * <p>The statement groups by {@link #groupingSets(List)}: per period and group, per group over the
 * range, and over everything. Reading keeps each set apart, so that a value that does not add up (a
 * distinct count) is taken from its own set instead of summed. Columns: {@code period_start}, the group
 * columns, {@code set_id} ({@link #SET_ID}) and the component columns; a NULL component counts as 0.
 */
public final class Grid {

    /** Per period and group. */
    public static final int CELL = 0;
    /** Per group, over the whole range. */
    public static final int GROUP_TOTAL = 1;
    /** Over the whole range and every group. */
    public static final int TOTAL = 2;

    /** Tells the grouping sets apart: 0 cell, 1 group total, 2 total (see {@link #groupingSets}). */
    public static final String SET_ID = "CASE WHEN GROUPING(period_start) = 0 THEN 0 WHEN GROUPING(source) = 0 "
            + "OR GROUPING(channel) = 0 THEN 1 ELSE 2 END AS set_id";

    private record Key(int set, Group group, int period) {
    }

    private final int width;
    private final Map<Key, double[]> values = new HashMap<>();
    private final java.util.TreeSet<Group> groups = new java.util.TreeSet<>(Group.ORDER);

    private Grid(int width) {
        this.width = width;
    }

    /**
     * The GROUP BY clause for a report grouped by {@code groupBy}: {@code period_start} plus the group
     * columns, each group over the range, and the grand total. The statement must select
     * {@code source} and {@code channel} (NULL when not grouped by them).
     */
    public static String groupingSets(List<Dimension> groupBy) {
        String dims = "source, channel";
        return "GROUP BY GROUPING SETS ((period_start, " + dims + "), (" + dims + "), ())";
    }

    /**
     * Reads a statement's rows.
     *
     * @param components the component columns, in the order values are kept
     * @param periodIndex position of each period start in the report
     */
    public static Grid read(ResultSet rs, List<String> components, Map<LocalDate, Integer> periodIndex) throws SQLException {
        Grid grid = new Grid(components.size());
        while (rs.next()) {
            int set = rs.getInt("set_id");
            Group group = new Group(rs.getString("source"), rs.getString("channel"));
            int period = -1;
            if (set == CELL) {
                Integer index = periodIndex.get(rs.getObject("period_start", LocalDate.class));
                if (index == null) {
                    throw new IllegalStateException("period outside the range: " + rs.getObject("period_start"));
                }
                period = index;
            }
            if (set != TOTAL) {
                grid.groups.add(group);
            }
            double[] row = grid.values.computeIfAbsent(new Key(set, set == TOTAL ? Group.ALL : group, period), k -> new double[grid.width]);
            for (int i = 0; i < components.size(); i++) {
                // DuckDB's getDouble gives NaN, not 0, for NULL (an aggregate over no rows).
                double value = rs.getDouble(components.get(i));
                if (!rs.wasNull()) {
                    row[i] += value;
                }
            }
        }
        return grid;
    }

    /** The components of a group in a period; zeros where nothing was aggregated. */
    public double[] cell(Group group, int period) {
        return values.getOrDefault(new Key(CELL, group, period), new double[width]);
    }

    /** The components of a group over the whole range. */
    public double[] groupTotal(Group group) {
        return values.getOrDefault(new Key(GROUP_TOTAL, group, -1), new double[width]);
    }

    /** The components over the whole range and every group. */
    public double[] total() {
        return values.getOrDefault(new Key(TOTAL, Group.ALL, -1), new double[width]);
    }

    /** The groups that have any row. */
    public Set<Group> groups() {
        return groups;
    }
}

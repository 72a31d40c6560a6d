package io.funnelql.queries.traffic;

import java.time.LocalDate;
import java.util.Map;

import io.funnelql.queries.engine.Dialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.report.Grid;

/**
 * The traffic statement over the rollups instead of the sessions: the same columns and numbers as
 * {@link TrafficSql}, from a few thousand rows per day range instead of every session, with no distinct
 * count at all. Valid only when the report's days are the rollups' days (the workspace time zone), for the
 * current data, with nothing dated after asOf, and filters a visitor level answers ({@link VisitorLevel});
 * {@link TrafficService} checks that.
 *
 * <p>Four parts, added up by {@link Grid#read}: the daily sums (and new visitors, which are additive: each
 * visitor has one first session); the contacts created per day; the distinct visitors of each row, as the
 * visitor days in its period whose previous day lies before the period; and the distinct visitors of the
 * total, as the visitor days in the range whose previous day lies before the range.
 */
final class TrafficRollupSql {

    private TrafficRollupSql() {
    }

    static String build(Dialect dialect, Parameters parameters, TrafficPlan plan, VisitorLevel.Choice levels,
                        LocalDate from, LocalDate to) {
        String weekOffset = TrafficSql.weekOffset(parameters, plan);
        String fiscalOffset = TrafficSql.fiscalOffset(parameters, plan);
        String period = dialect.periodStartOfDate("day", plan.grain(), weekOffset, fiscalOffset) + " AS period_start";
        String first = parameters.add(from);
        String end = parameters.add(to);
        String range = " WHERE day >= " + first + " AND day < " + end + TrafficSql.filters(parameters, plan.sources(), plan.channels());
        String groups = TrafficSql.groupColumns(plan.groupBy());
        String sets = Grid.groupingSets(plan.groupBy());
        boolean channelOfSource = levels.needsChannelOfSource(plan.groupBy(), plan.channels());
        // Each day's period start is computed once per day, not once per visitor-day row.
        String periods = "(SELECT day, " + period + " FROM (SELECT DISTINCT day FROM rollup_sessions_daily WHERE day >= "
                + first + " AND day < " + end + "))";

        return "WITH visitor_cells AS (SELECT p.period_start, " + groups + ", "
                + "sum(visitors) FILTER (WHERE previous_day < p.period_start) AS in_period, "
                + "sum(visitors) FILTER (WHERE previous_day < " + first + ") AS in_range FROM "
                + "(SELECT * FROM " + visitorDays(levels.cells(), channelOfSource) + range + ") v JOIN " + periods
                + " p ON p.day = v.day GROUP BY ALL)\n"
                + "SELECT " + Grid.SET_ID + ", period_start, source, channel, " + TrafficSql.components(Map.of(
                "sessions", "sum(sessions)", "new_visitors", "sum(new_visitors)", "bounce_known", "sum(bounce_known)",
                "bounces", "sum(bounces)", "pageview_sessions", "sum(pageview_sessions)", "pageviews", "sum(pageviews)",
                "duration_sessions", "sum(duration_sessions)", "duration_seconds", "sum(duration_seconds)"))
                + " FROM (SELECT " + period + ", " + groups + ", * EXCLUDE (day, source, channel) FROM rollup_sessions_daily"
                + range + ") " + sets + "\n"
                + "UNION ALL SELECT " + Grid.SET_ID + ", period_start, source, channel, "
                + TrafficSql.components(Map.of("contacts", "sum(contacts)")) + " FROM (SELECT " + period + ", " + groups
                + ", contacts FROM rollup_contacts_created" + range + ") " + sets + "\n"
                // A visitor is in a row's count on their first day in its period, in a group total's on their first
                // day in the range: the in-range counts of the periods add up to the group's.
                + "UNION ALL SELECT " + Grid.CELL + ", period_start, source, channel, "
                + TrafficSql.components(Map.of("visitors", "in_period")) + " FROM visitor_cells\n"
                + "UNION ALL SELECT " + Grid.GROUP_TOTAL + ", NULL, source, channel, "
                + TrafficSql.components(Map.of("visitors", "sum(in_range)")) + " FROM visitor_cells GROUP BY source, channel\n"
                + "UNION ALL SELECT " + Grid.TOTAL + ", NULL, NULL, NULL, "
                + TrafficSql.components(Map.of("visitors", "sum(visitors)")) + " FROM "
                + visitorDays(levels.total(), channelOfSource) + range + " AND previous_day < " + first;
    }

    /**
     * A visitor-day rollup as a relation with {@code day}, {@code previous_day}, {@code visitors} and the
     * {@code source} and {@code channel} its level has; a source's channel is looked up when needed (one
     * per source, which {@link VisitorLevel#choose} made sure of).
     */
    private static String visitorDays(VisitorLevel level, boolean channelOfSource) {
        return switch (level) {
            case ALL -> "(SELECT day, previous_day, visitors, CAST(NULL AS VARCHAR) AS source, "
                    + "CAST(NULL AS VARCHAR) AS channel FROM " + level.table() + ")";
            case SOURCE -> channelOfSource
                    ? "(SELECT v.day, v.previous_day, v.visitors, v.source, m.channel FROM " + level.table()
                            + " v JOIN (SELECT DISTINCT source, channel FROM rollup_sessions_daily) m ON m.source = v.source)"
                    : "(SELECT day, previous_day, visitors, source, CAST(NULL AS VARCHAR) AS channel FROM " + level.table() + ")";
            case CHANNEL -> "(SELECT day, previous_day, visitors, CAST(NULL AS VARCHAR) AS source, channel FROM " + level.table() + ")";
        };
    }
}

package io.funnelql.queries.traffic;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.funnelql.queries.engine.Dialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.Grid;
import io.funnelql.warehouse.time.ZoneShift;
import io.funnelql.warehouse.CurrentState;
import io.funnelql.warehouse.Dataset;

/**
 * The one statement that computes traffic from the sessions and contacts themselves, over a range of
 * instants: per period and group, per group and in total ({@link Grid} sets), the components of
 * {@link TrafficRow#COMPONENTS}. Distinct visitors are counted in each set on their own, never added up.
 *
 * <p>Three parts, added up by {@link Grid#read}: the sessions that started in the range (counts, sums,
 * distinct visitors, and sessions without a visitor id, each a new visitor of its own); the identified
 * visitors whose first session ever started in the range, placed by that session's period, source and
 * channel; the contacts created in the range.
 */
final class TrafficSql {

    /** Bounce known: the bounced flag, or else a pageview count (0 or 1 pageviews is a bounce). */
    static final String BOUNCED = "coalesce(bounced, pageviews <= 1)";

    private TrafficSql() {
    }

    static String build(Dialect dialect, Parameters parameters, TrafficPlan plan, Instant from, Instant to) {
        String knownAt = plan.knownAt() == null ? null : parameters.add(timestamp(plan.knownAt()));
        String sessions = knownAt == null ? CurrentState.now(Dataset.SESSIONS) : CurrentState.knownAt(Dataset.SESSIONS, knownAt);
        String contacts = knownAt == null ? CurrentState.now(Dataset.CONTACTS) : CurrentState.knownAt(Dataset.CONTACTS, knownAt);
        ZoneShift zone = ZoneShift.of(plan.calendar().zone(), from, to);
        String weekOffset = weekOffset(parameters, plan);
        String fiscalOffset = fiscalOffset(parameters, plan);
        String range = " >= " + parameters.add(timestamp(from)) + " AND %1$s < " + parameters.add(timestamp(to))
                + " AND %1$s <= " + parameters.add(timestamp(plan.asOf())) + filters(parameters, plan.sources(), plan.channels());
        String groups = groupColumns(plan.groupBy());
        String sets = Grid.groupingSets(plan.groupBy());

        String firstSessions = plan.firstSessionsKept()
                ? "rollup_first_sessions"
                // A window, not arg_min: DuckDB can spill it to disk.
                : "(SELECT started_at AS first_at, source, channel FROM " + sessions + " WHERE visitor_id IS NOT NULL "
                        + "QUALIFY row_number() OVER (PARTITION BY visitor_id ORDER BY started_at, session_id) = 1)";
        return "WITH s AS (SELECT " + dialect.periodStart("started_at", plan.grain(), zone, weekOffset, fiscalOffset)
                + " AS period_start, " + groups + ", visitor_id, pageviews, duration_seconds, " + BOUNCED + " AS bounce FROM "
                + sessions + " WHERE started_at" + range.formatted("started_at") + "),\n"
                + "f AS (SELECT " + dialect.periodStart("first_at", plan.grain(), zone, weekOffset, fiscalOffset)
                + " AS period_start, " + groups + " FROM " + firstSessions + " WHERE first_at" + range.formatted("first_at") + "),\n"
                + "c AS (SELECT " + dialect.periodStart("created_at", plan.grain(), zone, weekOffset, fiscalOffset)
                + " AS period_start, " + groups + " FROM " + contacts + " WHERE created_at" + range.formatted("created_at") + ")\n"
                + "SELECT " + Grid.SET_ID + ", period_start, source, channel, " + components(Map.of(
                        "sessions", "count(*)",
                        "visitors", "count(DISTINCT visitor_id) + count(*) FILTER (WHERE visitor_id IS NULL)",
                        "new_visitors", "count(*) FILTER (WHERE visitor_id IS NULL)",
                        "bounce_known", "count(bounce)",
                        "bounces", "count(*) FILTER (WHERE bounce)",
                        "pageview_sessions", "count(pageviews)",
                        "pageviews", "sum(pageviews)",
                        "duration_sessions", "count(duration_seconds)",
                        "duration_seconds", "sum(duration_seconds)")) + " FROM s " + sets + "\n"
                + "UNION ALL SELECT " + Grid.SET_ID + ", period_start, source, channel, "
                + components(Map.of("new_visitors", "count(*)")) + " FROM f " + sets + "\n"
                + "UNION ALL SELECT " + Grid.SET_ID + ", period_start, source, channel, "
                + components(Map.of("contacts", "count(*)")) + " FROM c " + sets;
    }

    /**
     * The component columns of one part of a statement, in {@link TrafficRow#COMPONENTS} order: the given
     * aggregates (0 where they aggregate nothing) and 0 for every other, so that parts line up in a UNION ALL.
     */
    static String components(Map<String, String> aggregates) {
        return TrafficRow.COMPONENTS.stream()
                .map(c -> aggregates.containsKey(c) ? "coalesce(" + aggregates.get(c) + ", 0) AS " + c : "0 AS " + c)
                .collect(Collectors.joining(", "));
    }

    /** The week start as days after Monday, bound only for WEEK periods (DuckDB wants every bound parameter used). */
    static String weekOffset(Parameters parameters, TrafficPlan plan) {
        return plan.grain() == Grain.WEEK ? parameters.add(plan.calendar().weekStart().getValue() - 1) : "0";
    }

    /** The fiscal year start as months after January, bound only for QUARTER and YEAR periods. */
    static String fiscalOffset(Parameters parameters, TrafficPlan plan) {
        return plan.grain() == Grain.QUARTER || plan.grain() == Grain.YEAR
                ? parameters.add(plan.calendar().fiscalYearStartMonth() - 1) : "0";
    }

    /** {@code source} and {@code channel} of a relation that has them, NULL where the report is not grouped by them. */
    static String groupColumns(List<Dimension> groupBy) {
        return (groupBy.contains(Dimension.SOURCE) ? "source" : "CAST(NULL AS VARCHAR) AS source") + ", "
                + (groupBy.contains(Dimension.CHANNEL) ? "channel" : "CAST(NULL AS VARCHAR) AS channel");
    }

    /** The source and channel filters over a relation's {@code source} and {@code channel} columns. */
    static String filters(Parameters parameters, List<String> sources, List<String> channels) {
        StringBuilder filters = new StringBuilder();
        if (!sources.isEmpty()) {
            filters.append(" AND source IN (").append(sources.stream().map(parameters::add).collect(Collectors.joining(", "))).append(")");
        }
        if (!channels.isEmpty()) {
            filters.append(" AND channel IN (").append(channels.stream().map(parameters::add).collect(Collectors.joining(", "))).append(")");
        }
        return filters.toString();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

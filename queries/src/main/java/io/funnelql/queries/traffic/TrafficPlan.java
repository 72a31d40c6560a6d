package io.funnelql.queries.traffic;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportCalendar;

/**
 * A traffic query with every default resolved, as the SQL needs it.
 *
 * @param knownAt the transaction time to rebuild the data at; {@code null}: the current tables answer
 * @param firstSessionsKept true when the kept first session of each visitor ({@code rollup_first_sessions},
 *        current data only) may be read instead of finding it among all sessions
 */
record TrafficPlan(ReportCalendar calendar, Grain grain, List<Dimension> groupBy, List<String> sources,
                   List<String> channels, Instant asOf, @Nullable Instant knownAt, boolean firstSessionsKept) {
}

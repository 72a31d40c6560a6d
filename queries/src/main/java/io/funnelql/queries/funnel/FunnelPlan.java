package io.funnelql.queries.funnel;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportCalendar;

/**
 * A funnel query with every default resolved, as the SQL needs it.
 *
 * @param knownAt the transaction time to rebuild the data at; {@code null}: the current tables answer
 * @param filterAsOf false when no contact date in the warehouse lies after asOf, so the SQL need not test them
 * @param excludeRoleAddresses leave out contacts whose email is a role address
 */
record FunnelPlan(ReportCalendar calendar, Grain grain, CohortMode cohort, List<Stage> stages, List<Dimension> groupBy,
                  List<String> sources, List<String> channels, boolean cumulative, @Nullable Integer withinDays,
                  Instant asOf, @Nullable Instant knownAt, boolean filterAsOf, boolean excludeRoleAddresses) {
}

package io.funnelql.queries.velocity;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportCalendar;

/**
 * A velocity query with every default resolved, as the SQL needs it.
 *
 * @param knownAt the transaction time to rebuild the data at; {@code null}: the current tables answer
 */
record VelocityPlan(ReportCalendar calendar, Grain grain, Stage fromStage, Stage toStage, List<Dimension> groupBy,
                    List<String> sources, List<String> channels, Instant asOf, @Nullable Instant knownAt) {
}

/**
 * What the metric reports (revenue, cost) share in SQL: the group columns, filters and periods of a
 * {@link io.funnelql.queries.report.ReportScope}, written through the engine's dialect and parameters.
 */
@NullMarked
package io.funnelql.queries.metric;

import org.jspecify.annotations.NullMarked;

/**
 * KPIs: versioned KPI definitions, the KPI board (a North Star and up to ten KPIs with their targets and the
 * signals between leading and lagging ones), OKR pacing, and the series of one KPI. Every number is computed by
 * the report services (funnel, traffic, revenue, cost) or from {@code metric_values}; docs/kpi-board.md says how.
 * {@link io.funnelql.queries.kpi.KpiDefinitions}, {@link io.funnelql.queries.kpi.KpiBoardService},
 * {@link io.funnelql.queries.kpi.OkrService} and {@link io.funnelql.queries.kpi.KpiService} are the entry points.
 */
@NullMarked
package io.funnelql.queries.kpi;

import org.jspecify.annotations.NullMarked;

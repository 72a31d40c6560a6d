package io.funnelql.api.kpi;

import java.util.List;

import io.funnelql.queries.kpi.KpiPoint;

/**
 * GraphQL's {@code KpiReportPart}: one part of a KPI report (a source or a stage) with its rows and total.
 *
 * @param name the source or stage
 * @param rows one per period
 * @param total over the whole range
 */
record KpiReportPart(String name, List<KpiPoint> rows, KpiPoint total) {
}

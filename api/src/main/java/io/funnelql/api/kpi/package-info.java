/** The KPI queries ({@code kpiBoard}, {@code okr}, {@code kpi}, {@code kpiDefinitions}) and the {@code saveKpiDefinition} mutation. */
@NullMarked
package io.funnelql.api.kpi;

import org.jspecify.annotations.NullMarked;

/**
 * Cost: marketing spend by period and source beside what it bought (contacts, leads, MQLs, customers,
 * revenue), with cost per lead and MQL, CAC, ROI, LTV:CAC and payback.
 * {@link io.funnelql.queries.cost.CostService} is the entry point.
 */
@NullMarked
package io.funnelql.queries.cost;

import org.jspecify.annotations.NullMarked;

/**
 * Revenue: won revenue, MRR movements, customers, churn, ARPU and lifetime value by period and source,
 * from the won deals and their contacts' sources. {@link io.funnelql.queries.revenue.RevenueService} is the
 * entry point; {@link io.funnelql.queries.revenue.RevenueLedger} is shared with the cost report.
 */
@NullMarked
package io.funnelql.queries.revenue;

import org.jspecify.annotations.NullMarked;

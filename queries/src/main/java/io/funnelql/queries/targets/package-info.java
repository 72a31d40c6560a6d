/**
 * Targets: the goals loaded in the {@code targets} dataset, and how a target set for one period, grain and
 * source applies to a report row of another. {@link io.funnelql.queries.targets.TargetBook} is the entry point;
 * docs/kpi-board.md ("Targets") states the rules.
 */
@NullMarked
package io.funnelql.queries.targets;

import org.jspecify.annotations.NullMarked;

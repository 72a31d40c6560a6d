/**
 * Velocity: how many days contacts took from one lifecycle stage to a later one (median, 75th and 90th
 * percentile), by period of the earlier stage and source or channel.
 * {@link io.funnelql.queries.velocity.VelocityService} is the entry point; docs/metrics.md defines it.
 */
@NullMarked
package io.funnelql.queries.velocity;

import org.jspecify.annotations.NullMarked;

/**
 * The lifecycle funnel: how many contacts reached each stage, by period and source, under the created
 * (cohort) or entered (activity) view. {@link io.funnelql.queries.funnel.FunnelService} is the entry point.
 */
@NullMarked
package io.funnelql.queries.funnel;

import org.jspecify.annotations.NullMarked;

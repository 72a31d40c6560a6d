/**
 * Website traffic: sessions, unique, new and returning visitors, bounce rate, pageviews per session,
 * session duration and visitor-to-contact conversion, by period and source or channel.
 * {@link io.funnelql.queries.traffic.TrafficService} is the entry point; docs/metrics.md defines each metric.
 */
@NullMarked
package io.funnelql.queries.traffic;

import org.jspecify.annotations.NullMarked;

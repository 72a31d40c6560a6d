/**
 * What every report shares: date ranges, grains and periods in the report time zone, grouping
 * dimensions, comparison ranges, report defaults and the bad-input error.
 */
@NullMarked
package io.funnelql.queries.report;

import org.jspecify.annotations.NullMarked;

/**
 * Local time in SQL: an instant's wall-clock time and calendar day in a time zone, computed by arithmetic
 * on its microseconds with the zone's offsets written as literals, rather than by a time-zone library call
 * per row.
 */
@NullMarked
package io.funnelql.warehouse.time;

import org.jspecify.annotations.NullMarked;

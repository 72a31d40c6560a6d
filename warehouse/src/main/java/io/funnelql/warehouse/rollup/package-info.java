/**
 * Rollups: small aggregate tables kept up to date by every load, from which reports are answered without
 * scanning every row. They are derived data: rebuilt from the current tables whenever their definition
 * (the source map, the workspace time zone) changes.
 */
@NullMarked
package io.funnelql.warehouse.rollup;

import org.jspecify.annotations.NullMarked;

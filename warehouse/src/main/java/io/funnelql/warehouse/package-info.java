/**
 * The embedded DuckDB warehouse: schema, datasets and the current state of every record.
 *
 * <p>A warehouse is one DuckDB file. The raw relations ({@code raw_contacts}, ...) are append-only and
 * stamped with the {@code load_id} that brought each row; current tables ({@code contacts}, ...) hold the
 * latest committed version of each record and are updated incrementally by every load. Each version is
 * stored once: in the current table while it is current, then in {@code superseded_contacts}, ...; the raw
 * relations are views over the two.
 */
@NullMarked
package io.funnelql.warehouse;

import org.jspecify.annotations.NullMarked;

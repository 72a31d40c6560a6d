/**
 * The embedded DuckDB warehouse: schema, datasets and the current state of every record.
 *
 * <p>A warehouse is one DuckDB file. Raw tables ({@code raw_contacts}, ...) are append-only and stamped
 * with the {@code load_id} that brought each row; current tables ({@code contacts}, ...) hold the latest
 * committed version of each record and are rebuilt incrementally by every load.
 */
@NullMarked
package io.funnelql.warehouse;

import org.jspecify.annotations.NullMarked;

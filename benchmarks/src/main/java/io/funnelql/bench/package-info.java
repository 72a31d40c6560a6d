/**
 * The benchmark harness: a runnable jar, not a test suite. Each subcommand measures a FunnelQL path
 * against DuckDB's own baseline for the same work in the same run and prints the ratio, so that
 * numbers from a noisy shared machine can still be compared.
 */
@NullMarked
package io.funnelql.bench;

import org.jspecify.annotations.NullMarked;

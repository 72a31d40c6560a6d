/**
 * The seam between the query layer and the SQL engine: what differs between DuckDB (today) and a
 * distributed engine such as Trino (later) is written once per engine here, and nowhere else.
 */
@NullMarked
package io.funnelql.queries.engine;

import org.jspecify.annotations.NullMarked;

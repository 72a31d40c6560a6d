/**
 * Workspaces: which warehouse (one DuckDB file) and which services serve a request. Today one workspace,
 * {@code default}; API keys will map to workspaces here.
 */
@NullMarked
package io.funnelql.api.workspace;

import org.jspecify.annotations.NullMarked;

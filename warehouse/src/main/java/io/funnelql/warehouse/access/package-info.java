/**
 * Who may use a warehouse over HTTP: API keys, stored in the warehouse's own {@code api_keys} table as their
 * SHA-256 only, each with one role and the workspace the file is served as.
 */
@NullMarked
package io.funnelql.warehouse.access;

import org.jspecify.annotations.NullMarked;

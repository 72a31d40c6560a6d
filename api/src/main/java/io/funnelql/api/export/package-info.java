/**
 * Exports for analysts: {@code POST /api/export/{report}} answers a report (or the contacts themselves) as
 * an Arrow IPC stream or CSV, streamed as it is written.
 */
@NullMarked
package io.funnelql.api.export;

import org.jspecify.annotations.NullMarked;

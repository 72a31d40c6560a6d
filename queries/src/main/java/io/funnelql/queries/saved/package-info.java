/**
 * Saved reports: a report's input kept under a name with the instants that make it reproducible (the data
 * as known when it was saved, the valid time it answers for, its time zone and week start).
 * {@link io.funnelql.queries.saved.SavedReportStore} stores and lists them; running one is the api module's
 * business, which knows each kind's input. docs/kpi-board.md ("Saved reports") describes them.
 */
@NullMarked
package io.funnelql.queries.saved;

import org.jspecify.annotations.NullMarked;

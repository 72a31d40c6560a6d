/**
 * Saved reports over GraphQL: {@code saveReport}, {@code savedReports}, {@code runSavedReport},
 * {@code deleteSavedReport}. docs/kpi-board.md ("Saved reports") describes them.
 */
@NullMarked
package io.funnelql.api.saved;

import org.jspecify.annotations.NullMarked;

package io.funnelql.queries.kpi;

/** Where a KPI stands against the linear path to its target. */
public enum OkrStatus {
    /** At or past the pacing (for a cost: at or under it). */
    ON_TRACK,
    /** Short of the pacing (for a cost: over it). */
    BEHIND
}

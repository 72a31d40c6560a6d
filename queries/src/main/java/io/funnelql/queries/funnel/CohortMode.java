package io.funnelql.queries.funnel;

/** Which date puts a contact's stage into a period. */
public enum CohortMode {
    /**
     * The contact's creation date ("apples to apples"): a period's row follows the contacts created in it
     * down the funnel, so its numbers grow as those contacts progress.
     */
    CREATED,
    /** The date the stage was entered (activity): a period counts the stage entries that happened in it. */
    ENTERED
}

package io.funnelql.queries.quality;

/** What a data-quality check's examples are. */
public enum ExampleKind {

    /** Contact ids. */
    CONTACT_ID,

    /** Session ids. */
    SESSION_ID,

    /** Deal ids. */
    DEAL_ID,

    /** Minutes, as UTC instants such as {@code 2024-06-05T14:03Z}, most contacts first. */
    MINUTE,

    /** Raw source strings as loaded, most rows first. */
    RAW_SOURCE,

    /** The first days of weeks, such as {@code 2024-06-10}, in order. */
    WEEK
}

package io.funnelql.queries.report;

/** What report rows can be grouped by, besides the period. */
public enum Dimension {
    /** The canonical source ({@code organic_search}). */
    SOURCE,
    /** The channel: {@code inbound}, {@code outbound}, or {@code unknown} for unmapped sources. */
    CHANNEL
}

package io.funnelql.warehouse;

/**
 * How a raw source becomes a canonical source and channel, as SQL over a relation aliased {@code r} with
 * a {@code source_raw} column (already trimmed, NULL when blank).
 *
 * <p>A raw source that a mapping knows (the user's {@code source_map} first, then the defaults for HubSpot
 * and GA4) becomes the mapped source; a canonical id stays as it is; anything else is kept as written and
 * has channel {@code unknown}; a blank source is {@code unknown}.
 */
public final class SourceSql {

    /** Joins the lookup as {@code l}. */
    public static final String LOOKUP_JOIN = "LEFT JOIN source_lookup l ON l.raw_key = lower(r.source_raw)";

    public static final String SOURCE = "CASE WHEN r.source_raw IS NULL THEN 'unknown' ELSE coalesce(l.source, r.source_raw) END";

    public static final String CHANNEL = "CASE WHEN r.source_raw IS NULL THEN 'unknown' ELSE coalesce(l.channel, 'unknown') END";

    /** For targets and metric values, where a blank source means "all sources". */
    public static final String SOURCE_OR_ALL = "CASE WHEN r.source_raw IS NULL THEN NULL ELSE coalesce(l.source, r.source_raw) END";

    private SourceSql() {
    }
}

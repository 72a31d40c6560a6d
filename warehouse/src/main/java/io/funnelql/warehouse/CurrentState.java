package io.funnelql.warehouse;

import java.util.stream.Collectors;

/**
 * The current state of a dataset as a relation to select from: now, or as it was known at a past
 * instant (transaction time).
 *
 * <p>Now is the current table, kept up to date by every load. As known at {@code knownAt} it is rebuilt
 * from the raw tables: the latest version of each record among the loads committed at or before that
 * instant, with sources normalised by the source map as it was known then. Both have the same columns.
 */
public final class CurrentState {

    private CurrentState() {
    }

    /** The current table; takes no parameters. */
    public static String now(Dataset dataset) {
        return dataset.currentTable();
    }

    /**
     * A subquery with the dataset's state as known at an instant.
     *
     * @param instant the SQL that gives the instant: a parameter placeholder such as {@code $3}, bound by
     *        the caller as a TIMESTAMPTZ (never user text)
     */
    public static String knownAt(Dataset dataset, String instant) {
        String columns = "r.load_id, " + dataset.storedColumns().stream().map(c -> "r." + c).collect(Collectors.joining(", "));
        String latest = latestVersions(dataset.rawTable(), dataset.keyColumn(), instant);
        return switch (dataset.sourceNormalization()) {
            case NONE -> "(SELECT " + columns + " FROM " + latest + " r)";
            case SOURCE_AND_CHANNEL -> "(SELECT " + columns + ", " + SourceSql.SOURCE + " AS source, " + SourceSql.CHANNEL
                    + " AS channel FROM " + latest + " r LEFT JOIN " + lookupKnownAt(instant) + " l ON l.raw_key = lower(r.source_raw))";
            case SOURCE_ONLY -> "(SELECT " + columns + ", " + SourceSql.SOURCE_OR_ALL + " AS source FROM " + latest
                    + " r LEFT JOIN " + lookupKnownAt(instant) + " l ON l.raw_key = lower(r.source_raw))";
        };
    }

    private static String latestVersions(String rawTable, String key, String instant) {
        return "(SELECT * FROM " + rawTable + " WHERE load_id IN (SELECT load_id FROM loads WHERE status = 'committed'"
                + " AND committed_at <= CAST(" + instant + " AS TIMESTAMPTZ)) QUALIFY row_number() OVER (PARTITION BY " + key
                + " ORDER BY load_id DESC) = 1)";
    }

    /** {@code source_lookup} as it was: the user's mappings known then over the built-in defaults. */
    private static String lookupKnownAt(String instant) {
        return """
                (WITH user_map AS (
                    SELECT m.record_key AS raw_key, m.source, coalesce(m.channel, c.channel, 'inbound') AS channel
                    FROM """ + latestVersions("raw_source_map", "record_key", instant) + """
                 m LEFT JOIN canonical_sources c ON c.source = m.source
                ), defaults AS (
                    SELECT d.raw_key, d.source, c.channel
                    FROM source_defaults d JOIN canonical_sources c ON c.source = d.source
                    UNION ALL
                    SELECT c.source, c.source, c.channel FROM canonical_sources c
                    WHERE c.source NOT IN (SELECT raw_key FROM source_defaults)
                )
                SELECT raw_key, source, channel FROM user_map
                UNION ALL
                SELECT raw_key, source, channel FROM defaults WHERE raw_key NOT IN (SELECT raw_key FROM user_map))""";
    }
}

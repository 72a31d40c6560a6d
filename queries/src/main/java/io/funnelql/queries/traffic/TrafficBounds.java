package io.funnelql.queries.traffic;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * What decides whether the rollups can answer, read once per data version: the latest session start and
 * contact creation (an asOf at or after both excludes nothing), and whether each source's sessions all have
 * one channel. The version is read in the report's own snapshot, so a load committing meanwhile cannot
 * slip past the bounds.
 */
final class TrafficBounds {

    private static final String SQL = """
            SELECT (SELECT max(started_at) FROM sessions), (SELECT max(created_at) FROM contacts),
                   NOT EXISTS (SELECT source FROM rollup_sessions_daily GROUP BY source HAVING count(DISTINCT channel) > 1)""";

    /**
     * @param latestSession the latest session start; {@link Instant#MIN} without sessions
     * @param latestContact the latest contact creation; {@link Instant#MIN} without contacts
     * @param oneChannelPerSource no source has sessions in two channels
     */
    record Snapshot(long version, Instant latestSession, Instant latestContact, boolean oneChannelPerSource) {

        /** True when no session or contact is dated after {@code asOf}. */
        boolean nothingAfter(Instant asOf) {
            return !latestSession.isAfter(asOf) && !latestContact.isAfter(asOf);
        }
    }

    private volatile Snapshot snapshot = new Snapshot(-1, Instant.MIN, Instant.MIN, true);

    /** The bounds of the data {@code connection}'s transaction sees. */
    Snapshot current(Connection connection) throws SQLException {
        long version;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(load_id), 0) FROM loads WHERE status = 'committed'")) {
            rs.next();
            version = rs.getLong(1);
        }
        Snapshot current = snapshot;
        if (current.version() != version) {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(SQL)) {
                rs.next();
                current = new Snapshot(version, instant(rs.getObject(1, OffsetDateTime.class)),
                        instant(rs.getObject(2, OffsetDateTime.class)), rs.getBoolean(3));
            }
            snapshot = current;
        }
        return current;
    }

    private static Instant instant(@Nullable OffsetDateTime value) {
        return value == null ? Instant.MIN : value.toInstant();
    }
}

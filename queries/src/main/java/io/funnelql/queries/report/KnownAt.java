package io.funnelql.queries.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** Whether a report asked for data as known at a past instant must rebuild it from the raw relations. */
public final class KnownAt {

    private KnownAt() {
    }

    /**
     * The instant to rebuild the data at, or null when the current tables give the same answer: no
     * knownAt asked, or no load committed after it. Read inside the report's transaction.
     */
    public static @Nullable Instant toUse(Connection connection, @Nullable Instant knownAt) throws SQLException {
        if (knownAt == null) {
            return null;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT max(committed_at) FROM loads WHERE status = 'committed'")) {
            rs.next();
            OffsetDateTime latest = rs.getObject(1, OffsetDateTime.class);
            return latest == null || !latest.toInstant().isAfter(knownAt) ? null : knownAt;
        }
    }
}

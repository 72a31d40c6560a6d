package io.funnelql.queries.traffic;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;

import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * What decides whether the rollups can answer, read once per data version: the latest session start and
 * contact creation (an asOf at or after both excludes nothing), and whether each source's sessions all have
 * one channel.
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

    private final Warehouse warehouse;
    private volatile Snapshot snapshot = new Snapshot(-1, Instant.MIN, Instant.MIN, true);

    TrafficBounds(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    Snapshot current() {
        Snapshot current = snapshot;
        long version = warehouse.dataVersion();
        if (current.version() != version) {
            current = read(version);
            snapshot = current;
        }
        return current;
    }

    private Snapshot read(long version) {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(SQL)) {
            rs.next();
            return new Snapshot(version, instant(rs.getObject(1, OffsetDateTime.class)),
                    instant(rs.getObject(2, OffsetDateTime.class)), rs.getBoolean(3));
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read the sessions' date range: " + e.getMessage(), e);
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? Instant.MIN : value.toInstant();
    }
}

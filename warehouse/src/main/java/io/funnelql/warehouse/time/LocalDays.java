package io.funnelql.warehouse.time;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * SQL for the calendar day, in a time zone, of the instants of one relation: the offsets in force between
 * the relation's earliest and latest instant are written into the SQL as numbers ({@link ZoneShift}), so a
 * day costs a few integer operations per row instead of a time-zone library call. Rollups day millions of
 * rows per load with it.
 */
public final class LocalDays {

    private final ZoneShift shift;

    private LocalDays(ZoneShift shift) {
        this.shift = shift;
    }

    /**
     * The days of {@code zone} for the instants in {@code columns} of {@code relation} (SQL that the caller
     * vouches for: table and column names, never user input). Reads the relation's earliest and latest
     * instant once, unless the zone's offset never changes (UTC, Etc/GMT+5).
     */
    public static LocalDays of(Connection connection, ZoneId zone, String relation, List<String> columns) throws SQLException {
        Objects.requireNonNull(zone, "zone");
        if (zone.getRules().isFixedOffset()) {
            return new LocalDays(new ZoneShift(zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds(), List.of()));
        }
        String earliest = columns.stream().map(c -> "min(" + c + ")").collect(Collectors.joining(", "));
        String latest = columns.stream().map(c -> "max(" + c + ")").collect(Collectors.joining(", "));
        // least() and greatest() skip NULLs: a column without values does not widen the span.
        String span = "SELECT epoch_us(least(" + earliest + ")), epoch_us(greatest(" + latest + ")) FROM (" + relation + ")";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(span)) {
            rs.next();
            long first = rs.getLong(1);
            if (rs.wasNull()) {
                return new LocalDays(new ZoneShift(zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds(), List.of()));
            }
            long last = rs.getLong(2);
            // Whole seconds around the instants: a transition at the latest instant's second is inside the span.
            Instant from = Instant.ofEpochSecond(Math.floorDiv(first, 1_000_000L));
            Instant to = Instant.ofEpochSecond(Math.floorDiv(last, 1_000_000L) + 1);
            return new LocalDays(ZoneShift.of(zone, from, to));
        }
    }

    /** SQL for the local calendar day (a DATE) of the instant (a TIMESTAMPTZ expression of the relation). */
    public String day(String instant) {
        return "CAST(make_timestamp(" + shift.localMicros("epoch_us(" + instant + ")") + ") AS DATE)";
    }

    /** The offsets used. */
    public ZoneShift shift() {
        return shift;
    }
}

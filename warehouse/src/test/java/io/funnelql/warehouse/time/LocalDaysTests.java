package io.funnelql.warehouse.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SQL days agree with the JDK's {@code instant.atZone(zone).toLocalDate()} for every instant of the relation. */
class LocalDaysTests {

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE instants (moment TIMESTAMPTZ, other TIMESTAMPTZ)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    /**
     * A second either side of every transition from 1900 to 2099 (two centuries of daylight saving in New
     * York: hundreds of offsets, found by the balanced search), midnights, and random instants.
     */
    @ParameterizedTest
    @ValueSource(strings = {"America/New_York", "Europe/Paris", "Australia/Lord_Howe", "Asia/Kolkata", "Etc/UTC", "Etc/GMT+5"})
    void agreesWithTheJdkAroundEveryTransition(String zoneId) throws SQLException {
        ZoneId zone = ZoneId.of(zoneId);
        List<Instant> instants = new ArrayList<>();
        Instant from = Instant.parse("1900-01-01T00:00:00Z");
        Instant to = Instant.parse("2099-12-31T00:00:00Z");
        for (ZoneOffsetTransition t = zone.getRules().nextTransition(from); t != null && t.getInstant().isBefore(to);
             t = zone.getRules().nextTransition(t.getInstant())) {
            instants.add(t.getInstant().minusSeconds(1));
            instants.add(t.getInstant());
            instants.add(t.getInstant().plusSeconds(1));
            instants.add(t.getDateTimeBefore().toLocalDate().atStartOfDay(zone).toInstant());
        }
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            instants.add(Instant.ofEpochSecond(from.getEpochSecond() + (long) (random.nextDouble() * (to.getEpochSecond() - from.getEpochSecond())),
                    random.nextInt(1_000_000) * 1_000L));
        }
        insert(instants, null);

        Map<Instant, LocalDate> days = days(LocalDays.of(connection, zone, "SELECT moment FROM instants", List.of("moment")), "moment");

        assertThat(days).hasSize(new HashSet<>(instants).size());
        days.forEach((instant, day) -> assertThat(day).as(instant.toString()).isEqualTo(instant.atZone(zone).toLocalDate()));
    }

    /** The span runs from the earliest to the latest instant of any of the columns, NULLs aside. */
    @Test
    void theSpanCoversEveryColumnAndSkipsNulls() throws SQLException {
        ZoneId newYork = ZoneId.of("America/New_York");
        // Spring forward 2024-03-10 07:00Z, fall back 2024-11-03 06:00Z: only `other` reaches past them.
        insert(List.of(Instant.parse("2024-01-15T12:00:00Z")), Instant.parse("2024-11-03T06:00:00Z"));
        insert(List.of(Instant.parse("2024-02-01T12:00:00Z")), null);

        LocalDays days = LocalDays.of(connection, newYork, "SELECT * FROM instants", List.of("moment", "other"));

        assertThat(days.shift().transitions()).extracting(ZoneShift.Change::offsetSeconds).containsExactly(-4 * 3600, -5 * 3600);
        assertThat(days(days, "other").values()).containsExactly(LocalDate.of(2024, 11, 3));
    }

    @Test
    void anEmptyRelationNeedsNoOffsets() throws SQLException {
        LocalDays days = LocalDays.of(connection, ZoneId.of("Europe/Paris"), "SELECT moment FROM instants", List.of("moment"));

        assertThat(days.shift().isFixed()).isTrue();
    }

    private void insert(List<Instant> instants, Instant other) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO instants VALUES (make_timestamptz(CAST(? AS BIGINT)), make_timestamptz(CAST(? AS BIGINT)))")) {
            for (Instant instant : instants) {
                insert.setLong(1, instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000);
                insert.setObject(2, other == null ? null : other.getEpochSecond() * 1_000_000L);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private Map<Instant, LocalDate> days(LocalDays days, String column) throws SQLException {
        Map<Instant, LocalDate> result = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT epoch_us(" + column + "), " + days.day(column) + " FROM instants WHERE "
                     + column + " IS NOT NULL")) {
            while (rs.next()) {
                long micros = rs.getLong(1);
                result.put(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L),
                        rs.getObject(2, LocalDate.class));
            }
        }
        return result;
    }
}

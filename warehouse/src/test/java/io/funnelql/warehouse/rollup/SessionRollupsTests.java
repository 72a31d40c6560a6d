package io.funnelql.warehouse.rollup;

import static io.funnelql.warehouse.TestWarehouses.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;
import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.Loader;

class SessionRollupsTests {

    static final String VISITOR_DAYS = "SELECT day, CASE WHEN isinf(previous_day) THEN 'first' ELSE CAST(previous_day AS VARCHAR) END, "
            + "visitors FROM rollup_visitor_days ORDER BY ALL";

    @TempDir
    Path dir;

    int files;

    void load(Warehouse warehouse, Dataset dataset, String csv) throws IOException {
        new Loader(warehouse).load(LoadRequest.of(dataset, Files.writeString(dir.resolve("f" + files++ + ".csv"), csv)));
    }

    @Test
    void countsSessionsAndTheirPartsPerDaySourceAndChannel() throws IOException {
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults())) {
            // s1 bounced; s2 not, 5 pages, 200 s; s3 no bounce column but 1 page (a bounce), no duration;
            // s4 knows nothing; s5 outbound, a visitor of its own.
            load(warehouse, Dataset.SESSIONS, """
                    session_id,started_at,source,visitor_id,pageviews,duration_seconds,bounced
                    s1,2024-06-03 09:00,PAID_SEARCH,v1,1,10,true
                    s2,2024-06-03 17:00,PAID_SEARCH,v2,5,200,false
                    s3,2024-06-03 18:00,PAID_SEARCH,v1,1,,
                    s4,2024-06-03 19:00,PAID_SEARCH,v3,,,
                    s5,2024-06-04 10:00,outbound,,2,30,false
                    """);

            // paid_search: 4 sessions; bounce known for s1, s2, s3 (2 bounces); pages known for s1-s3 (7);
            // durations for s1, s2 (210 s); new visitors v1 (s1), v2, v3. outbound: s5, new on its own.
            assertThat(rows(warehouse, "SELECT * FROM rollup_sessions_daily ORDER BY day")).containsExactly(
                    "2024-06-03|paid_search|inbound|4|3|2|3|7|2|210|3",
                    "2024-06-04|outbound|outbound|1|1|0|1|2|1|30|1");
            assertThat(rows(warehouse, VISITOR_DAYS)).containsExactly("2024-06-03|first|3", "2024-06-04|first|1");
            assertThat(rows(warehouse, "SELECT visitor_id, session_id, source FROM rollup_first_sessions ORDER BY ALL"))
                    .containsExactly("v1|s1|paid_search", "v2|s2|paid_search", "v3|s4|paid_search");
        }
    }

    @Test
    void aVisitorDayRemembersTheVisitorsPreviousDayOverallAndPerSource() throws IOException {
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults())) {
            // v1: Jun 3 organic, Jun 3 paid, Jun 5 paid, Jun 9 organic.
            load(warehouse, Dataset.SESSIONS, """
                    session_id,started_at,source,visitor_id
                    s1,2024-06-03 09:00,ORGANIC_SEARCH,v1
                    s2,2024-06-03 10:00,PAID_SEARCH,v1
                    s3,2024-06-05 10:00,PAID_SEARCH,v1
                    s4,2024-06-09 10:00,ORGANIC_SEARCH,v1
                    """);

            assertThat(rows(warehouse, VISITOR_DAYS)).containsExactly(
                    "2024-06-03|first|1", "2024-06-05|2024-06-03|1", "2024-06-09|2024-06-05|1");
            assertThat(rows(warehouse, "SELECT day, source, CASE WHEN isinf(previous_day) THEN 'first' ELSE CAST(previous_day AS VARCHAR) END "
                    + "FROM rollup_visitor_days_by_source ORDER BY ALL")).containsExactly(
                    "2024-06-03|organic_search|first", "2024-06-03|paid_search|first",
                    "2024-06-05|paid_search|2024-06-03", "2024-06-09|organic_search|2024-06-03");
            assertThat(rows(warehouse, "SELECT day, channel, visitors FROM rollup_visitor_days_by_channel ORDER BY ALL"))
                    .containsExactly("2024-06-03|inbound|1", "2024-06-05|inbound|1", "2024-06-09|inbound|1");
        }
    }

    @Test
    void aLaterLoadWithAnEarlierSessionMakesItTheFirst() throws IOException {
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults())) {
            load(warehouse, Dataset.SESSIONS, "session_id,started_at,source,visitor_id\ns1,2024-06-05 10:00,PAID_SEARCH,v1\n");
            load(warehouse, Dataset.SESSIONS, "session_id,started_at,source,visitor_id\ns0,2024-06-01 10:00,ORGANIC_SEARCH,v1\n");

            assertThat(rows(warehouse, "SELECT day, source, sessions, new_visitors FROM rollup_sessions_daily ORDER BY day"))
                    .containsExactly("2024-06-01|organic_search|1|1", "2024-06-05|paid_search|1|0");
            assertThat(rows(warehouse, VISITOR_DAYS)).containsExactly("2024-06-01|first|1", "2024-06-05|2024-06-01|1");
            assertThat(rows(warehouse, "SELECT visitor_id, session_id FROM rollup_first_sessions")).containsExactly("v1|s0");
            assertRollupsMatchARebuild(warehouse);
        }
    }

    @Test
    void aCorrectingLoadMovesASessionToAnotherVisitorAndDay() throws IOException {
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults())) {
            load(warehouse, Dataset.SESSIONS, """
                    session_id,started_at,source,visitor_id,pageviews
                    s1,2024-06-03 09:00,PAID_SEARCH,v1,3
                    s2,2024-06-04 09:00,PAID_SEARCH,v1,1
                    """);
            // s1 was v2's, on June 6, from organic search.
            load(warehouse, Dataset.SESSIONS, "session_id,started_at,source,visitor_id,pageviews\ns1,2024-06-06 09:00,ORGANIC_SEARCH,v2,4\n");

            assertThat(rows(warehouse, "SELECT day, source, sessions, pageviews, new_visitors FROM rollup_sessions_daily ORDER BY day"))
                    .containsExactly("2024-06-04|paid_search|1|1|1", "2024-06-06|organic_search|1|4|1");
            assertThat(rows(warehouse, VISITOR_DAYS)).containsExactly("2024-06-04|first|1", "2024-06-06|first|1");
            assertRollupsMatchARebuild(warehouse);
        }
    }

    @Test
    void aSourceMapLoadMovesSessionsToTheirNewSource() throws IOException {
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults())) {
            load(warehouse, Dataset.SESSIONS, "session_id,started_at,source,visitor_id\ns1,2024-06-03,partner-newsletter,v1\n");
            load(warehouse, Dataset.SOURCE_MAP, "raw_source,source,channel\npartner-newsletter,referral,inbound\n");

            assertThat(rows(warehouse, "SELECT source, channel, sessions FROM rollup_sessions_daily")).containsExactly("referral|inbound|1");
            assertThat(rows(warehouse, "SELECT source, visitors FROM rollup_visitor_days_by_source")).containsExactly("referral|1");
            assertThat(rows(warehouse, "SELECT source, channel FROM rollup_first_sessions")).containsExactly("referral|inbound");
        }
    }

    @Test
    void reopeningInAnotherTimeZoneRebuildsTheDays() throws IOException {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults())) {
            load(warehouse, Dataset.SESSIONS, "session_id,started_at,source,visitor_id\ns1,2024-07-01T02:00:00Z,direct,v1\n");
            assertThat(rows(warehouse, "SELECT day FROM rollup_sessions_daily")).containsExactly("2024-07-01");
        }
        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults().withTimeZone(ZoneId.of("America/New_York")))) {
            // 02:00 UTC on July 1 is June 30 in New York.
            assertThat(rows(warehouse, "SELECT day FROM rollup_sessions_daily")).containsExactly("2024-06-30");
            assertThat(rows(warehouse, "SELECT day FROM rollup_visitor_days_by_source")).containsExactly("2024-06-30");
            assertThat(rows(warehouse, "SELECT time_zone FROM rollup_state WHERE name = 'sessions'")).containsExactly("America/New_York");
        }
    }

    /** Loads that add, correct and move sessions between visitors, days and sources keep the rollups exact. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void incrementalLoadsGiveWhatARebuildGives(long seed) throws IOException {
        Random random = new Random(seed);
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults().withTimeZone(ZoneId.of("Europe/Berlin")))) {
            for (int load = 0; load < 4; load++) {
                load(warehouse, Dataset.SESSIONS, sessions(random, load * 60, load * 60 + 150));
                assertRollupsMatchARebuild(warehouse);
            }
        }
    }

    static String sessions(Random random, int first, int last) {
        DateTimeFormatter stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        List<String> sources = List.of("ORGANIC_SEARCH", "Paid Search", "outbound", "partner-newsletter", "");
        StringBuilder csv = new StringBuilder("session_id,started_at,source,visitor_id,pageviews,duration_seconds,bounced\n");
        for (int i = first; i < last; i++) {
            LocalDateTime at = LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(random.nextInt(60 * 24 * 60));
            csv.append('s').append(i).append(',').append(stamp.format(at)).append(',')
                    .append(sources.get(random.nextInt(sources.size()))).append(',')
                    .append(random.nextInt(10) == 0 ? "" : "v" + random.nextInt(40)).append(',')
                    .append(random.nextInt(5) == 0 ? "" : String.valueOf(random.nextInt(6))).append(',')
                    .append(random.nextInt(5) == 0 ? "" : String.valueOf(random.nextInt(600))).append(',')
                    .append(List.of("", "true", "false").get(random.nextInt(3))).append('\n');
        }
        return csv.toString();
    }

    static void assertRollupsMatchARebuild(Warehouse warehouse) {
        List<String> tables = List.of("rollup_sessions_daily", "rollup_visitor_days", "rollup_visitor_days_by_source",
                "rollup_visitor_days_by_channel", "rollup_first_sessions");
        List<List<String>> before = tables.stream().map(t -> rows(warehouse, "SELECT * FROM " + t + " ORDER BY ALL")).toList();
        try (Connection connection = warehouse.connect()) {
            connection.setAutoCommit(false);
            SessionRollups.rebuild(connection, warehouse.settings().timeZone());
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<List<String>> after = tables.stream().map(t -> rows(warehouse, "SELECT * FROM " + t + " ORDER BY ALL")).toList();
        assertThat(before).isEqualTo(after);
        assertThat(after.get(0)).isNotEmpty();
    }
}

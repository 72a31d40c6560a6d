package io.funnelql.queries.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * Traffic answered from the rollups (or, where they cannot answer, from the sessions with the kept first
 * sessions) equals traffic computed from the sessions and contacts alone, on random data sets and random
 * queries over every grain, week start, grouping, filter, comparison and several time zones. The data sets
 * have returning visitors, sessions without visitor id, unknown bounces, pageviews and durations, blank and
 * unmapped sources, and correcting loads that move sessions between visitors, days and sources.
 */
class TrafficRollupEquivalenceTests {

    static final String[] RAW_SOURCES = {"ORGANIC_SEARCH", "Paid Search", "direct", "outbound", "partner-newsletter", ""};
    static final String[] ZONES = {"UTC", "America/New_York", "Asia/Kolkata", "Australia/Adelaide", "Europe/Berlin"};
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "data set {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void rollupsAnswerExactlyLikeTheSessions(long seed) {
        Random random = new Random(seed);
        ZoneId zone = ZoneId.of(ZONES[(int) (seed % ZONES.length)]);
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults().withTimeZone(zone))) {
            Fixtures.load(warehouse, Dataset.SESSIONS, sessions(random, 0, 900));
            Fixtures.load(warehouse, Dataset.CONTACTS, contacts(random, 0, 150));
            // A correcting load: some sessions again with other values, and new ones.
            Fixtures.load(warehouse, Dataset.SESSIONS, sessions(random, 700, 1100));
            ReportSettings settings = new ReportSettings(zone, DayOfWeek.MONDAY, 1 + random.nextInt(12), 1000, 100_000);
            TrafficService rollups = new TrafficService(warehouse, settings, CLOCK);
            TrafficService raw = TrafficService.withoutRollups(warehouse, settings, CLOCK);

            for (int i = 0; i < 60; i++) {
                TrafficQuery query = query(random, zone);
                assertThat(rollups.run(query)).as("query %s", query).isEqualTo(raw.run(query));
            }
        }
    }

    /** Sessions over two years by 250 visitors, most coming back several times. */
    static String sessions(Random random, int first, int last) {
        StringBuilder csv = new StringBuilder("session_id,started_at,source,visitor_id,pageviews,duration_seconds,bounced\n");
        for (int i = first; i < last; i++) {
            LocalDateTime started = LocalDateTime.of(2023, 1, 1, 0, 0).plusMinutes(random.nextInt(2 * 365 * 24 * 60));
            csv.append('s').append(i).append(',').append(STAMP.format(started)).append(',')
                    .append(RAW_SOURCES[random.nextInt(RAW_SOURCES.length)]).append(',')
                    .append(random.nextInt(12) == 0 ? "" : "v" + random.nextInt(250)).append(',')
                    .append(random.nextInt(6) == 0 ? "" : String.valueOf(random.nextInt(8))).append(',')
                    .append(random.nextInt(6) == 0 ? "" : String.valueOf(random.nextInt(900))).append(',')
                    .append(List.of("", "true", "false").get(random.nextInt(3))).append('\n');
        }
        return csv.toString();
    }

    static String contacts(Random random, int first, int last) {
        StringBuilder csv = new StringBuilder("contact_id,created_at,source\n");
        for (int i = first; i < last; i++) {
            LocalDateTime created = LocalDateTime.of(2023, 1, 1, 0, 0).plusMinutes(random.nextInt(2 * 365 * 24 * 60));
            csv.append('c').append(i).append(',').append(STAMP.format(created)).append(',')
                    .append(RAW_SOURCES[random.nextInt(RAW_SOURCES.length)]).append('\n');
        }
        return csv.toString();
    }

    static TrafficQuery query(Random random, ZoneId workspace) {
        Grain grain = Grain.values()[random.nextInt(Grain.values().length)];
        LocalDate from = LocalDate.of(2022, 12, 1).plusDays(random.nextInt(760));
        int span = switch (grain) {
            case DAY -> 1 + random.nextInt(40);
            case WEEK -> 1 + random.nextInt(200);
            default -> 1 + random.nextInt(500);
        };
        List<Dimension> groupBy = new ArrayList<>();
        if (random.nextBoolean()) {
            groupBy.add(Dimension.SOURCE);
        }
        if (random.nextDouble() < 0.3) {
            groupBy.add(Dimension.CHANNEL);
        }
        double filter = random.nextDouble();
        List<String> sources = filter < 0.15 ? List.of("organic_search") : filter < 0.25 ? List.of("organic_search", "outbound") : List.of();
        List<String> channels = random.nextDouble() < 0.2 ? List.of("inbound") : List.of();
        ZoneId zone = random.nextDouble() < 0.2 ? ZoneId.of(ZONES[random.nextInt(ZONES.length)]) : workspace;
        Instant asOf = random.nextDouble() < 0.1 ? Instant.parse("2024-06-15T12:00:00Z") : null;
        return new TrafficQuery(new DateRange(from, from.plusDays(span)), grain, groupBy, sources, channels, asOf, null,
                Compare.values()[random.nextInt(Compare.values().length)], DayOfWeek.of(1 + random.nextInt(7)), zone);
    }
}

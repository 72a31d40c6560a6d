package io.funnelql.queries.funnel;

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
 * Funnels answered from the rollups equal funnels counted from the contacts, on random data sets (with
 * skipped stages, dates out of order, blank and unmapped sources, and a correcting second load) and
 * random queries over every grain, week start, cohort, stage subset, grouping, filter and comparison.
 */
class RollupEquivalenceTests {

    static final String[] RAW_SOURCES = {"ORGANIC_SEARCH", "Paid Search", "outbound", "events", "partner-newsletter", ""};
    static final String[] ZONES = {"UTC", "America/New_York", "Asia/Kolkata", "Australia/Adelaide", "Europe/Berlin"};
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "data set {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void rollupsAnswerExactlyLikeTheContacts(long seed) {
        Random random = new Random(seed);
        ZoneId zone = ZoneId.of(ZONES[(int) (seed % ZONES.length)]);
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults().withTimeZone(zone))) {
            Fixtures.load(warehouse, Dataset.CONTACTS, contacts(random, 0, 400));
            // A correcting load: a fifth of the contacts again with other values, and some new ones.
            Fixtures.load(warehouse, Dataset.CONTACTS, contacts(random, 320, 480));
            ReportSettings settings = new ReportSettings(zone, DayOfWeek.MONDAY, 1 + random.nextInt(12), 1000, 100_000);
            FunnelService rollups = new FunnelService(warehouse, settings, CLOCK);
            FunnelService raw = FunnelService.withoutRollups(warehouse, settings, CLOCK);

            for (int i = 0; i < 60; i++) {
                FunnelQuery query = query(random);
                assertThat(rollups.run(query)).as("query %s", query).isEqualTo(raw.run(query));
            }
        }
    }

    static String contacts(Random random, int first, int last) {
        StringBuilder csv = new StringBuilder("contact_id,created_at,source,subscriber_at,lead_at,mql_at,sql_at,opportunity_at,customer_at,evangelist_at\n");
        for (int i = first; i < last; i++) {
            LocalDateTime created = LocalDateTime.of(2023, 1, 1, 0, 0).plusMinutes(random.nextInt(2 * 365 * 24 * 60));
            csv.append('c').append(i).append(',').append(STAMP.format(created)).append(',')
                    .append(RAW_SOURCES[random.nextInt(RAW_SOURCES.length)]);
            double reach = random.nextDouble();
            LocalDateTime at = created;
            for (int stage = 1; stage <= 7; stage++) {
                csv.append(',');
                boolean reached = reach > stage * 0.12;
                if (reached && random.nextDouble() > 0.25) {
                    // Mostly later than the previous stage; sometimes earlier (messy data).
                    at = at.plusMinutes(random.nextInt(60 * 24 * 40) - (random.nextDouble() < 0.05 ? 60 * 24 * 20 : 0));
                    csv.append(STAMP.format(at));
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    static FunnelQuery query(Random random) {
        Grain grain = Grain.values()[random.nextInt(Grain.values().length)];
        LocalDate from = LocalDate.of(2022, 12, 1).plusDays(random.nextInt(760));
        int span = switch (grain) {
            case DAY -> 1 + random.nextInt(40);
            case WEEK -> 1 + random.nextInt(200);
            default -> 1 + random.nextInt(500);
        };
        List<Stage> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (random.nextDouble() < 0.5) {
                stages.add(stage);
            }
        }
        if (stages.isEmpty()) {
            stages.add(Stage.values()[random.nextInt(Stage.values().length)]);
        }
        List<Dimension> groupBy = new ArrayList<>();
        if (random.nextBoolean()) {
            groupBy.add(Dimension.SOURCE);
        }
        if (random.nextDouble() < 0.3) {
            groupBy.add(Dimension.CHANNEL);
        }
        List<String> sources = random.nextDouble() < 0.3 ? List.of("organic_search", "outbound") : List.of();
        List<String> channels = random.nextDouble() < 0.2 ? List.of("inbound") : List.of();
        return new FunnelQuery(new DateRange(from, from.plusDays(span)), grain,
                CohortMode.values()[random.nextInt(2)], stages, groupBy, sources, channels, random.nextBoolean(), null,
                null, null, Compare.values()[random.nextInt(Compare.values().length)],
                DayOfWeek.of(1 + random.nextInt(7)), null);
    }
}

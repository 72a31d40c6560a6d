package io.funnelql.queries.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.RandomData;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * Revenue reports answered from the daily rollup equal reports computed from the deals, on random data sets
 * ({@link RandomData}: every deal type and status, missing MRR, churns before and after the close, deals
 * without or with unknown contacts, correcting loads) and random queries over every grain, week start,
 * grouping, filter and comparison.
 */
class RevenueRollupEquivalenceTests {

    static final String[] ZONES = {"UTC", "America/New_York", "Asia/Kolkata", "Australia/Adelaide", "Europe/Berlin"};
    /** After every date of the data, so that the rollup may answer. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "data set {0}")
    @ValueSource(longs = {1, 2, 5})
    void rollupAnswersExactlyLikeTheDeals(long seed) {
        Random random = new Random(seed);
        ZoneId zone = ZoneId.of(ZONES[(int) (seed % ZONES.length)]);
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults().withTimeZone(zone))) {
            RandomData.load(warehouse, random);
            ReportSettings settings = new ReportSettings(zone, DayOfWeek.MONDAY, 1 + random.nextInt(12), 1000, 100_000);
            RevenueService rollup = new RevenueService(warehouse, settings, CLOCK);
            RevenueService raw = RevenueService.withoutRollups(warehouse, settings, CLOCK);

            for (int i = 0; i < 20; i++) {
                RevenueQuery query = query(random);
                assertThat(rollup.run(query)).as("query %s", query).isEqualTo(raw.run(query));
            }
            // The rollup service did read the rollup: without it, its answer changes.
            RevenueQuery everything = RevenueQuery.of(DateRange.of("2022-01-01", "2029-12-31")).withGrain(Grain.YEAR);
            RevenueReport before = rollup.run(everything);
            Fixtures.execute(warehouse, "DELETE FROM rollup_revenue");
            assertThat(rollup.run(everything)).isNotEqualTo(before);
        }
    }

    static RevenueQuery query(Random random) {
        Grain grain = Grain.values()[random.nextInt(Grain.values().length)];
        LocalDate from = LocalDate.of(2022, 8, 1).plusDays(random.nextInt(1000));
        int span = switch (grain) {
            case DAY -> 1 + random.nextInt(60);
            case WEEK -> 1 + random.nextInt(200);
            default -> 1 + random.nextInt(700);
        };
        List<Dimension> groupBy = new ArrayList<>();
        if (random.nextBoolean()) {
            groupBy.add(Dimension.SOURCE);
        }
        if (random.nextDouble() < 0.3) {
            groupBy.add(Dimension.CHANNEL);
        }
        List<String> sources = random.nextDouble() < 0.3 ? List.of("organic_search", "unattributed") : List.of();
        List<String> channels = random.nextDouble() < 0.2 ? List.of("inbound", "unattributed") : List.of();
        return new RevenueQuery(new DateRange(from, from.plusDays(span)), grain, groupBy, sources, channels, null, null,
                Compare.values()[random.nextInt(Compare.values().length)], DayOfWeek.of(1 + random.nextInt(7)), null);
    }
}

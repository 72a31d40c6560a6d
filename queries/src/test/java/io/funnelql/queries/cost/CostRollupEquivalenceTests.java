package io.funnelql.queries.cost;

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
 * Cost reports answered from the rollups (the funnel's stage entries, the revenue ledger) equal reports
 * computed from the contacts, spend and deals, on random data sets ({@link RandomData}) and random queries.
 */
class CostRollupEquivalenceTests {

    static final String[] ZONES = {"UTC", "America/New_York", "Asia/Kolkata", "Australia/Adelaide", "Europe/Berlin"};
    /** After every date of the data, so that the rollups may answer. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "data set {0}")
    @ValueSource(longs = {11, 12, 13})
    void rollupsAnswerExactlyLikeTheData(long seed) {
        Random random = new Random(seed);
        ZoneId zone = ZoneId.of(ZONES[(int) (seed % ZONES.length)]);
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults().withTimeZone(zone))) {
            RandomData.load(warehouse, random);
            ReportSettings settings = new ReportSettings(zone, DayOfWeek.MONDAY, 1 + random.nextInt(12), 1000, 100_000);
            CostService rollups = new CostService(warehouse, settings, CLOCK);
            CostService raw = CostService.withoutRollups(warehouse, settings, CLOCK);

            for (int i = 0; i < 20; i++) {
                CostQuery query = query(random);
                assertThat(rollups.run(query)).as("query %s", query).isEqualTo(raw.run(query));
            }
            // The service did read both rollups: without either, its answer changes.
            CostQuery everything = CostQuery.of(DateRange.of("2022-01-01", "2029-12-31")).withGrain(Grain.YEAR);
            CostReport before = rollups.run(everything);
            Fixtures.execute(warehouse, "DELETE FROM rollup_contacts_entered");
            CostReport withoutStages = rollups.run(everything);
            assertThat(withoutStages.total().leads()).isNotEqualTo(before.total().leads());
            Fixtures.execute(warehouse, "DELETE FROM rollup_revenue");
            assertThat(rollups.run(everything).total().wonRevenue()).isNotEqualTo(withoutStages.total().wonRevenue());
        }
    }

    static CostQuery query(Random random) {
        Grain grain = Grain.values()[random.nextInt(Grain.values().length)];
        LocalDate from = LocalDate.of(2022, 5, 1).plusDays(random.nextInt(1000));
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
        List<String> sources = random.nextDouble() < 0.3 ? List.of("paid_search", "events", "unattributed") : List.of();
        List<String> channels = random.nextDouble() < 0.2 ? List.of("outbound", "unknown") : List.of();
        return new CostQuery(new DateRange(from, from.plusDays(span)), grain, groupBy, sources, channels, null, null,
                Compare.values()[random.nextInt(Compare.values().length)], DayOfWeek.of(1 + random.nextInt(7)), null);
    }
}

package io.funnelql.queries.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.Grain;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** How a target set for one period, grain and source applies to another span; every number worked out beside it. */
class TargetBookTests {

    static final LocalDate APRIL_1 = LocalDate.parse("2024-04-01");

    static Target target(String metric, String start, Grain grain, String source, double value) {
        return new Target(metric, LocalDate.parse(start), grain, source, value);
    }

    static Double count(TargetBook book, String metric, String first, String last, Grain grain, SourceScope scope) {
        return book.target(metric, true, LocalDate.parse(first), LocalDate.parse(last), grain, scope);
    }

    @Test
    void proRatesAQuarterlyTargetByDays() {
        // Q2 2024 has 30 + 31 + 30 = 91 days: 910 is 10 a day.
        TargetBook book = TargetBook.of(List.of(target("mqls", "2024-04-01", Grain.QUARTER, null, 910)));

        assertThat(count(book, "mqls", "2024-04-01", "2024-04-07", Grain.WEEK, SourceScope.ALL)).isCloseTo(70.0, within(1e-9));
        assertThat(count(book, "mqls", "2024-04-01", "2024-04-30", Grain.MONTH, SourceScope.ALL)).isCloseTo(300.0, within(1e-9));
        assertThat(count(book, "mqls", "2024-04-01", "2024-06-30", Grain.QUARTER, SourceScope.ALL)).isCloseTo(910.0, within(1e-9));
        // A week reaching back into March is not covered whole: no target rather than part of one.
        assertThat(count(book, "mqls", "2024-03-25", "2024-03-31", Grain.WEEK, SourceScope.ALL)).isNull();
        assertThat(count(book, "mqls", "2024-03-28", "2024-04-03", Grain.WEEK, SourceScope.ALL)).isNull();
        // The year is not covered by one quarter.
        assertThat(count(book, "mqls", "2024-01-01", "2024-12-31", Grain.YEAR, SourceScope.ALL)).isNull();
    }

    @Test
    void prefersTheRowsOwnGrainThenTheShortestThatCoversTheSpan() {
        TargetBook book = TargetBook.of(List.of(
                target("mqls", "2024-04-01", Grain.QUARTER, null, 910),
                target("mqls", "2024-04-01", Grain.MONTH, null, 280),
                target("mqls", "2024-05-01", Grain.MONTH, null, 310),
                target("mqls", "2024-06-01", Grain.MONTH, null, 330)));

        // Own grain: April's monthly target, and the quarter's own (not the months' sum, 920).
        assertThat(count(book, "mqls", "2024-04-01", "2024-04-30", Grain.MONTH, SourceScope.ALL)).isCloseTo(280.0, within(1e-9));
        assertThat(count(book, "mqls", "2024-04-01", "2024-06-30", Grain.QUARTER, SourceScope.ALL)).isCloseTo(910.0, within(1e-9));
        // No weekly targets: the months, shorter than the quarter. Apr 29 - May 5: 280 x 2/30 + 310 x 5/31 = 18.667 + 50.
        assertThat(count(book, "mqls", "2024-04-29", "2024-05-05", Grain.WEEK, SourceScope.ALL))
                .isCloseTo(280.0 * 2 / 30 + 50.0, within(1e-9));
        // A range of two months as one row of a monthly report: 280 + 310.
        assertThat(count(book, "mqls", "2024-04-01", "2024-05-31", Grain.MONTH, SourceScope.ALL)).isCloseTo(590.0, within(1e-9));
    }

    @Test
    void weightsARatioTargetByTheDaysItCovers() {
        // Cost per lead: 100 in Q1 (91 days in 2024), 130 in Q2.
        TargetBook book = TargetBook.of(List.of(
                target("cost_per_lead", "2024-01-01", Grain.QUARTER, null, 100),
                target("cost_per_lead", "2024-04-01", Grain.QUARTER, null, 130)));

        assertThat(book.target("cost_per_lead", false, APRIL_1, LocalDate.parse("2024-04-07"), Grain.WEEK, SourceScope.ALL))
                .isCloseTo(130.0, within(1e-9));
        // March (31 days at 100) and April (30 days at 130): 7000 / 61.
        assertThat(book.target("cost_per_lead", false, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-04-30"), Grain.MONTH,
                SourceScope.ALL)).isCloseTo(7000.0 / 61, within(1e-9));
    }

    @Test
    void matchesSourcesExactlyAndAddsUpSeveralForCountsOnly() {
        TargetBook book = TargetBook.of(List.of(
                target("MQLs", "2024-04-01", Grain.MONTH, null, 500),
                target("mqls", "2024-04-01", Grain.MONTH, "paid_search", 200),
                target("mqls", "2024-04-01", Grain.MONTH, "organic_search", 150),
                target("cost_per_lead", "2024-04-01", Grain.MONTH, "paid_search", 90),
                target("cost_per_lead", "2024-04-01", Grain.MONTH, "organic_search", 20)));

        assertThat(count(book, "mqls", "2024-04-01", "2024-04-30", Grain.MONTH, SourceScope.ALL)).isEqualTo(500.0);
        assertThat(count(book, "mqls", "2024-04-01", "2024-04-30", Grain.MONTH, new SourceScope.One("paid_search"))).isEqualTo(200.0);
        assertThat(count(book, "mqls", "2024-04-01", "2024-04-30", Grain.MONTH,
                new SourceScope.Some(List.of("paid_search", "organic_search")))).isEqualTo(350.0);
        // email has no target, so paid and email together have none; a channel has none.
        assertThat(count(book, "mqls", "2024-04-01", "2024-04-30", Grain.MONTH,
                new SourceScope.Some(List.of("paid_search", "email")))).isNull();
        assertThat(count(book, "mqls", "2024-04-01", "2024-04-30", Grain.MONTH, SourceScope.NONE)).isNull();
        // Ratios of several sources do not add up.
        assertThat(book.target("cost_per_lead", false, APRIL_1, LocalDate.parse("2024-04-30"), Grain.MONTH,
                new SourceScope.Some(List.of("paid_search", "organic_search")))).isNull();
        assertThat(book.metrics()).containsExactly("cost_per_lead", "mqls");
    }

    @Test
    void scopesARowByItsGroupAndTheReportsFilters() {
        assertThat(SourceScope.of("paid_search", null, List.of(), List.of())).isEqualTo(new SourceScope.One("paid_search"));
        assertThat(SourceScope.of("paid_search", "inbound", List.of(), List.of())).isEqualTo(new SourceScope.One("paid_search"));
        assertThat(SourceScope.of(null, "inbound", List.of(), List.of())).isEqualTo(SourceScope.NONE);
        assertThat(SourceScope.of(null, null, List.of(), List.of("inbound"))).isEqualTo(SourceScope.NONE);
        assertThat(SourceScope.of(null, null, List.of(), List.of())).isEqualTo(SourceScope.ALL);
        assertThat(SourceScope.of(null, null, List.of("email"), List.of())).isEqualTo(new SourceScope.One("email"));
        assertThat(SourceScope.of(null, null, List.of("email", "direct"), List.of()))
                .isEqualTo(new SourceScope.Some(List.of("email", "direct")));
    }

    @Test
    void readsTheTargetsAsKnownAtAnInstant() throws Exception {
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults())) {
            Fixtures.load(warehouse, Dataset.TARGETS, """
                    metric,period_start,grain,value,source
                    mqls,2024-04-01,month,300,
                    mqls,2024-04-01,MONTH,120,Paid Search
                    """);
            Thread.sleep(5);
            Instant between = Instant.now();
            Thread.sleep(5);
            // A correction: April's target is 330 after all.
            Fixtures.load(warehouse, Dataset.TARGETS, "metric,period_start,grain,value\nmqls,2024-04-01,MONTH,330\n");

            try (Connection connection = warehouse.reader()) {
                TargetBook now = TargetBook.read(connection, null);
                TargetBook then = TargetBook.read(connection, between);
                assertThat(count(now, "mqls", "2024-04-01", "2024-04-30", Grain.MONTH, SourceScope.ALL)).isEqualTo(330.0);
                assertThat(count(then, "mqls", "2024-04-01", "2024-04-30", Grain.MONTH, SourceScope.ALL)).isEqualTo(300.0);
                // "Paid Search" is normalised to its canonical source.
                assertThat(count(now, "mqls", "2024-04-01", "2024-04-30", Grain.MONTH, new SourceScope.One("paid_search")))
                        .isEqualTo(120.0);
            }
        }
    }
}

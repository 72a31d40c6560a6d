package io.funnelql.queries.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** Comparison, asOf, knownAt, week start and filters of the cost report, on the data of {@link CostServiceTests}. */
class CostOptionsTests {

    Warehouse warehouse;
    CostService cost;

    @BeforeEach
    void load() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.CONTACTS, CostServiceTests.CONTACTS);
        Fixtures.load(warehouse, Dataset.DEALS, CostServiceTests.DEALS);
        cost = new CostService(warehouse, ReportSettings.defaults(),
                Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void comparesEachPeriodWithTheOneBefore() {
        Fixtures.load(warehouse, Dataset.SPEND, CostServiceTests.SPEND);

        CostReport report = cost.run(CostQuery.of(DateRange.of("2024-02-01", "2024-03-31")).withCompare(Compare.PREVIOUS_PERIOD));

        // February (2000 + 800) against December (nothing), March (1000) against January (3000 + 5000).
        CostRow feb = report.rows().get(0);
        CostRow mar = report.rows().get(1);
        assertThat(feb.spend().previous()).isEqualTo(0.0);
        assertThat(feb.spend().changeRate()).isEmpty();
        assertThat(mar.spend().previous()).isEqualTo(8000.0);
        assertThat(mar.spend().changeRate()).hasValue(-7.0 / 8);
        // January's cost per lead: 8000 over 4 leads (k1 k2 k4 k5); March's: 1000 over 1 lead (k6).
        assertThat(mar.costPerLead().previous()).isEqualTo(2000.0);
        assertThat(mar.costPerLead().value()).isEqualTo(1000.0);
        assertThat(mar.costPerLead().change()).hasValue(-1000.0);
        // December spent nothing: its CAC is null, so February's has no comparison value.
        assertThat(feb.cac().previous()).isNull();
        assertThat(feb.cac().compared()).isTrue();
    }

    @Test
    void asOfCountsOnlySpendAndEntriesDatedByThen() {
        Fixtures.load(warehouse, Dataset.SPEND, CostServiceTests.SPEND);

        CostReport report = cost.run(CostQuery.of(DateRange.of("2024-02-01", "2024-02-29")).withGroupBy(Dimension.SOURCE)
                .withSources("paid_search").withAsOf(Instant.parse("2024-02-12T00:00:00Z")));

        // By Feb 12: the Feb 15 spend and k1's customer entry (Feb 15) had not happened; k3's lead (Feb 10) and
        // k2's MQL (Feb 3) had.
        CostRow feb = report.rows().get(0);
        assertThat(feb.spend().value()).isEqualTo(0.0);
        assertThat(feb.leads().value()).isEqualTo(1.0);
        assertThat(feb.mqls().value()).isEqualTo(1.0);
        assertThat(feb.newCustomers().value()).isEqualTo(0.0);
        assertThat(feb.costPerLead().value()).isNull();
    }

    @Test
    void knownAtSeesTheSpendAsItWasBeforeACorrectingLoad() throws InterruptedException {
        Fixtures.load(warehouse, Dataset.SPEND, "date,source,amount,campaign\n2024-02-15,paid_search,2000,generic\n");
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        // The invoice came in higher.
        Fixtures.load(warehouse, Dataset.SPEND, "date,source,amount,campaign\n2024-02-15,paid_search,3000,generic\n");
        CostQuery february = CostQuery.of(DateRange.of("2024-02-01", "2024-02-29")).withGroupBy(Dimension.SOURCE)
                .withSources("paid_search");

        // February's one paid customer (k1): CAC 2000 as known then, 3000 now.
        assertThat(cost.run(february.withKnownAt(between)).rows().get(0).cac().value()).isEqualTo(2000.0);
        assertThat(cost.run(february).rows().get(0).cac().value()).isEqualTo(3000.0);
    }

    @Test
    void weeksStartOnTheConfiguredDay() {
        Fixtures.load(warehouse, Dataset.SPEND, "date,source,amount\n2024-06-02,paid_search,700\n");
        CostQuery weeks = CostQuery.of(DateRange.of("2024-06-02", "2024-06-02")).withGrain(Grain.WEEK);

        // Spend dated Sunday June 2, 2024: the week of Monday May 27, or of Sunday June 2.
        assertThat(cost.run(weeks.withWeekStart(DayOfWeek.MONDAY)).rows()).extracting(r -> r.period().label(), r -> r.spend().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2024-05-27", 700.0));
        assertThat(cost.run(weeks.withWeekStart(DayOfWeek.SUNDAY)).rows()).extracting(r -> r.period().label(), r -> r.spend().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2024-06-02", 700.0));
    }

    @Test
    void filtersWithoutGrouping() {
        Fixtures.load(warehouse, Dataset.SPEND, CostServiceTests.SPEND);

        CostReport report = cost.run(CostQuery.of(DateRange.of("2024-01-01", "2024-03-31")).withChannels("outbound"));

        // outbound is events alone: 5000 spent, leads k4, customers k4, won m2 6000.
        assertThat(report.total().spend().value()).isEqualTo(5000.0);
        assertThat(report.total().leads().value()).isEqualTo(1.0);
        assertThat(report.total().newCustomers().value()).isEqualTo(1.0);
        assertThat(report.total().cac().value()).isEqualTo(5000.0);
        assertThat(report.total().wonRevenue().value()).isEqualTo(6000.0);
        assertThat(report.total().roi().value()).isEqualTo(0.2);
    }
}

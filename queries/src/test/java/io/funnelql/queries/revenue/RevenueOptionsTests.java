package io.funnelql.queries.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
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

/**
 * Comparison, asOf, knownAt, week start, time zone and the churn cases of the revenue report, on the deals of
 * {@link RevenueServiceTests} unless a test loads its own.
 */
class RevenueOptionsTests {

    static final double MONTH = RevenueFigures.DAYS_PER_MONTH;

    Warehouse warehouse;
    RevenueService revenue;

    @BeforeEach
    void open() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        revenue = new RevenueService(warehouse, ReportSettings.defaults(),
                Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    void loadTheQuarter() {
        Fixtures.load(warehouse, Dataset.CONTACTS, RevenueServiceTests.CONTACTS);
        Fixtures.load(warehouse, Dataset.DEALS, RevenueServiceTests.DEALS);
    }

    @Test
    void comparesEachPeriodWithTheOneBefore() {
        loadTheQuarter();

        RevenueReport report = revenue.run(RevenueQuery.of(DateRange.of("2024-02-01", "2024-03-31")).withCompare(Compare.PREVIOUS_PERIOD));

        // February against December (d0, 1200), March against January (d1 + d4, 5400).
        RevenueRow feb = report.rows().get(0);
        RevenueRow mar = report.rows().get(1);
        assertThat(feb.wonRevenue().previous()).isEqualTo(1200.0);
        assertThat(feb.wonRevenue().change()).hasValue(0.0);
        assertThat(feb.wonRevenue().changeRate()).hasValue(0.0);
        assertThat(mar.wonRevenue().previous()).isEqualTo(5400.0);
        assertThat(mar.wonRevenue().change()).hasValue(-3000.0);
        assertThat(mar.wonRevenue().changeRate().getAsDouble()).isCloseTo(-3000.0 / 5400, within(1e-12));
        // December began with no customer: its churn rate is undefined, and so is the change.
        assertThat(feb.customerChurnRate().compared()).isTrue();
        assertThat(feb.customerChurnRate().previous()).isNull();
        assertThat(feb.customerChurnRate().change()).isEmpty();
        // The range (Feb-Mar: 1200 + 2400) against Dec-Jan (1200 + 5400); the MRR at their ends: 475 against 550.
        assertThat(report.total().wonRevenue().value()).isEqualTo(3600.0);
        assertThat(report.total().wonRevenue().previous()).isEqualTo(6600.0);
        assertThat(report.total().mrrAtEnd().previous()).isEqualTo(550.0);
    }

    @Test
    void comparesWithTheYearBefore() {
        loadTheQuarter();

        RevenueReport report = revenue.run(RevenueQuery.of(DateRange.of("2024-01-01", "2024-01-31")).withCompare(Compare.PREVIOUS_YEAR));

        // January 2023 had no deal: previous 0, a change of 5400, and no change rate (0 denominator).
        RevenueRow jan = report.rows().get(0);
        assertThat(jan.wonRevenue().previous()).isEqualTo(0.0);
        assertThat(jan.wonRevenue().change()).hasValue(5400.0);
        assertThat(jan.wonRevenue().changeRate()).isEmpty();
    }

    @Test
    void asOfCountsOnlyDealsAndChurnsDatedByThen() {
        loadTheQuarter();

        RevenueReport report = revenue.run(RevenueQuery.of(DateRange.of("2024-02-01", "2024-03-31"))
                .withAsOf(Instant.parse("2024-02-15T00:00:00Z")));
        RevenueRow feb = report.rows().get(0);
        RevenueRow mar = report.rows().get(1);

        // By Feb 15: d2 (Feb 5) and d3 (Feb 10) were won; c3's churn on Feb 20 had not happened yet.
        assertThat(feb.wonRevenue().value()).isEqualTo(1200.0);
        assertThat(feb.churnedCustomers().value()).isEqualTo(0.0);
        assertThat(feb.customersAtEnd().value()).isEqualTo(4.0);
        // Time is observed up to Feb 15 only: c1, c2, d4 14 days each, c3 10 days (from the 5th) = 52.
        assertThat(feb.customerMonths().value()).isCloseTo(52 / MONTH, within(1e-9));
        // March lies after asOf: nothing happened in it yet, no time was observed, and both are incomplete.
        assertThat(mar.wonRevenue().value()).isEqualTo(0.0);
        assertThat(mar.customerMonths().value()).isEqualTo(0.0);
        assertThat(mar.arpu().value()).isNull();
        assertThat(mar.customersAtEnd().value()).isEqualTo(4.0);
        assertThat(report.rows()).allMatch(r -> !r.period().complete());
        assertThat(report.query().asOf()).isEqualTo(Instant.parse("2024-02-15T00:00:00Z"));
    }

    @Test
    void knownAtSeesTheDealsAsTheyWereBeforeACorrectingLoad() throws InterruptedException {
        Fixtures.load(warehouse, Dataset.CONTACTS, "contact_id,created_at,source\nk1,2024-01-01,ORGANIC_SEARCH\nk2,2024-01-01,PAID_SEARCH\n");
        Fixtures.load(warehouse, Dataset.DEALS, """
                deal_id,amount,closed_at,contact_id,type,mrr
                d1,1000,2024-06-03,k1,new,100
                d2,500,2024-06-10,k2,new,50
                """);
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        // The correction: d1 was 1500 and came through k2 after all; d2 was lost.
        Fixtures.load(warehouse, Dataset.DEALS, """
                deal_id,amount,closed_at,contact_id,status,type,mrr
                d1,1500,2024-06-03,k2,won,new,150
                d2,500,2024-06-10,k2,lost,new,50
                """);
        RevenueQuery june = RevenueQuery.of(DateRange.of("2024-06-01", "2024-06-30")).withGroupBy(Dimension.SOURCE);

        RevenueReport before = revenue.run(june.withKnownAt(between));
        RevenueReport now = revenue.run(june);

        // Before: organic 1000 (d1), paid 500 (d2). Now: paid 1500 (d1), organic nothing.
        assertThat(before.groupTotals()).extracting(RevenueRow::source, r -> r.wonRevenue().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("organic_search", 1000.0),
                        org.assertj.core.groups.Tuple.tuple("paid_search", 500.0));
        assertThat(now.groupTotals()).extracting(RevenueRow::source, r -> r.wonRevenue().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("paid_search", 1500.0));
        assertThat(before.total().newMrr().value()).isEqualTo(150.0);
        assertThat(now.total().newMrr().value()).isEqualTo(150.0);
        assertThat(before.query().knownAt()).isEqualTo(between);
        assertThat(revenue.run(june.withKnownAt(Instant.now()))).usingRecursiveComparison().ignoringFields("query")
                .isEqualTo(now);
    }

    @Test
    void weeksStartOnTheConfiguredDay() {
        Fixtures.load(warehouse, Dataset.DEALS, "deal_id,amount,closed_at\nd1,1000,2024-06-02 10:00\n");
        RevenueQuery weeks = RevenueQuery.of(DateRange.of("2024-06-02", "2024-06-02")).withGrain(Grain.WEEK);

        // Sunday June 2, 2024: in the week of Monday May 27, or of Sunday June 2.
        RevenueReport monday = revenue.run(weeks.withWeekStart(DayOfWeek.MONDAY));
        RevenueReport sunday = revenue.run(weeks.withWeekStart(DayOfWeek.SUNDAY));

        assertThat(monday.rows()).extracting(r -> r.period().label()).containsExactly("2024-05-27");
        assertThat(sunday.rows()).extracting(r -> r.period().label()).containsExactly("2024-06-02");
        assertThat(monday.total().wonRevenue().value()).isEqualTo(1000.0);
        assertThat(sunday.total().wonRevenue().value()).isEqualTo(1000.0);
        assertThat(sunday.query().weekStart()).isEqualTo(DayOfWeek.SUNDAY);
    }

    @Test
    void periodsAreDaysInTheReportTimeZone() {
        Fixtures.load(warehouse, Dataset.DEALS, "deal_id,amount,closed_at\nd1,1000,2024-07-01T02:00:00Z\n");
        RevenueQuery summer = RevenueQuery.of(DateRange.of("2024-06-01", "2024-07-31"));

        // 02:00 UTC on July 1 is still June 30 in New York.
        assertThat(revenue.run(summer).rows()).extracting(r -> r.wonRevenue().value()).containsExactly(0.0, 1000.0);
        assertThat(revenue.run(summer.withTimeZone(ZoneId.of("America/New_York"))).rows())
                .extracting(r -> r.wonRevenue().value()).containsExactly(1000.0, 0.0);
    }

    @Test
    void aChurnDealEndsTheCustomerAndIsNotRevenue() {
        Fixtures.load(warehouse, Dataset.DEALS, """
                deal_id,amount,closed_at,contact_id,type,mrr
                n1,1200,2024-01-10,k1,new,100
                x1,600,2024-01-20,k1,expansion,50
                c1,0,2024-02-20,k1,churn,100
                """);

        RevenueReport report = revenue.run(RevenueQuery.of(DateRange.of("2024-01-01", "2024-02-29")));

        // The churn deal ends k1 on Feb 20 with all of its 150 of MRR; it is neither won revenue nor a won deal.
        RevenueRow feb = report.rows().get(1);
        assertThat(feb.wonDeals().value()).isEqualTo(0.0);
        assertThat(feb.churnedCustomers().value()).isEqualTo(1.0);
        assertThat(feb.churnedMrr().value()).isEqualTo(150.0);
        assertThat(feb.mrrAtEnd().value()).isEqualTo(0.0);
        // k1 was a customer when February began: a churn rate of 1 / 1.
        assertThat(feb.customerChurnRate().value()).isEqualTo(1.0);
    }

    @Test
    void aCustomerWonBackStartsANewSpell() {
        Fixtures.load(warehouse, Dataset.DEALS, """
                deal_id,amount,closed_at,contact_id,type,mrr,churned_at
                n1,1200,2024-01-10,k1,new,100,2024-02-01
                n2,2400,2024-03-01,k1,new,200,
                """);

        RevenueReport report = revenue.run(RevenueQuery.of(DateRange.of("2024-01-01", "2024-03-31")));

        // k1: new in January, lost on Feb 1, won back on Mar 1 at 200.
        assertThat(report.rows()).extracting(r -> r.newCustomers().value()).containsExactly(1.0, 0.0, 1.0);
        assertThat(report.rows()).extracting(r -> r.churnedCustomers().value()).containsExactly(0.0, 1.0, 0.0);
        assertThat(report.rows()).extracting(r -> r.mrrAtEnd().value()).containsExactly(100.0, 0.0, 200.0);
        // Over the range: 2 spells began (the same customer twice), 1 ended.
        assertThat(report.total().newCustomers().value()).isEqualTo(2.0);
        assertThat(report.total().customersAtEnd().value()).isEqualTo(1.0);
    }
}

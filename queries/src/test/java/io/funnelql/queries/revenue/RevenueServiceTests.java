package io.funnelql.queries.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * Every revenue metric on hand-built deals, January to March 2024 in UTC. The expected numbers are worked
 * out in the comments.
 */
class RevenueServiceTests {

    /*
     * c1 organic_search (inbound), c2 paid_search (inbound), c3 outbound (outbound); c9 is not a contact.
     *
     * d0  c1  new        won  2023-12-15  1200  mrr 100                 (a customer before the range)
     * d1  c2  new        won  2024-01-10  2400  mrr 200  churned Mar 1  (churns in a later period)
     * d2  c3  new        won  2024-02-05   600  mrr  50  churned Feb 20 (won and lost within February)
     * d3  c1  expansion  won  2024-02-10   600  mrr  50
     * d4  --  new        won  2024-01-20  3000  mrr 250                 (no contact: unattributed)
     * d5  c1  renewal    won  2024-03-15  1500  mrr 125                 (revenue, but no MRR movement)
     * d6  c2  new        lost 2024-01-25  5000                          (lost: counts nowhere)
     * d7  c9  new        won  2024-03-20   900  mrr  75                 (unknown contact: unattributed)
     *
     * Spells: c1 from Dec 15 (MRR 100, +50 on Feb 10), never churned; c2 Jan 10 - Mar 1 (200);
     * c3 Feb 5 - Feb 20 (50); d4 from Jan 20 (250); c9 from Mar 20 (75). Before the range: 1 customer, MRR 100.
     */
    static final String CONTACTS = """
            contact_id,created_at,source
            c1,2023-11-01,ORGANIC_SEARCH
            c2,2023-12-01,PAID_SEARCH
            c3,2024-01-15,outbound
            """;
    static final String DEALS = """
            deal_id,amount,closed_at,contact_id,status,type,mrr,churned_at
            d0,1200,2023-12-15,c1,won,new,100,
            d1,2400,2024-01-10,c2,won,new,200,2024-03-01
            d2,600,2024-02-05,c3,won,new,50,2024-02-20
            d3,600,2024-02-10,c1,won,expansion,50,
            d4,3000,2024-01-20,,won,new,250,
            d5,1500,2024-03-15,c1,won,renewal,125,
            d6,5000,2024-01-25,c2,lost,new,400,
            d7,900,2024-03-20,c9,won,new,75,
            """;
    static final DateRange Q1 = DateRange.of("2024-01-01", "2024-03-31");
    static final double MONTH = RevenueFigures.DAYS_PER_MONTH;

    Warehouse warehouse;
    RevenueService revenue;

    @BeforeEach
    void load() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.CONTACTS, CONTACTS);
        Fixtures.load(warehouse, Dataset.DEALS, DEALS);
        revenue = new RevenueService(warehouse, ReportSettings.defaults(),
                Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    static Double value(RevenueRow row, Function<RevenueRow, Measure> measure) {
        return measure.apply(row).value();
    }

    @Test
    void wonRevenueDealsAndAverageDealSizePerMonth() {
        RevenueReport report = revenue.run(RevenueQuery.of(Q1));

        // Jan: d1 2400 + d4 3000; Feb: d2 600 + d3 600; Mar: d5 1500 + d7 900. d6 is lost, d0 before the range.
        assertThat(report.rows()).extracting(r -> r.period().label()).containsExactly("2024-01", "2024-02", "2024-03");
        assertThat(report.rows()).extracting(r -> value(r, RevenueRow::wonRevenue)).containsExactly(5400.0, 1200.0, 2400.0);
        assertThat(report.rows()).extracting(r -> value(r, RevenueRow::wonDeals)).containsExactly(2.0, 2.0, 2.0);
        assertThat(report.rows()).extracting(r -> value(r, RevenueRow::averageDealSize)).containsExactly(2700.0, 600.0, 1200.0);
        // The range: 9000 over 6 deals.
        assertThat(report.total().wonRevenue().value()).isEqualTo(9000.0);
        assertThat(report.total().averageDealSize().value()).isEqualTo(1500.0);
    }

    @Test
    void marketingSourcedAndUnattributedRevenue() {
        RevenueReport report = revenue.run(RevenueQuery.of(Q1));

        // Inbound contacts (c1 organic, c2 paid): Jan d1 2400; Feb d3 600 (d2 is outbound); Mar d5 1500.
        assertThat(report.rows()).extracting(r -> value(r, RevenueRow::marketingSourcedRevenue)).containsExactly(2400.0, 600.0, 1500.0);
        // No contact (d4, Jan) or an unknown one (d7, c9, Mar): counted in revenue, and as unattributed.
        assertThat(report.rows()).extracting(r -> value(r, RevenueRow::unattributedRevenue)).containsExactly(3000.0, 0.0, 900.0);
        assertThat(report.total().marketingSourcedRevenue().value()).isEqualTo(4500.0);
        assertThat(report.total().unattributedRevenue().value()).isEqualTo(3900.0);
    }

    @Test
    void mrrMovementsAndTheRunningMrr() {
        RevenueReport report = revenue.run(RevenueQuery.of(Q1));

        // New: Jan d1 200 + d4 250; Feb d2 50; Mar d7 75. Expansion: Feb d3 50. The renewal d5 moves nothing.
        assertThat(report.rows()).extracting(r -> value(r, RevenueRow::newMrr)).containsExactly(450.0, 50.0, 75.0);
        assertThat(report.rows()).extracting(r -> value(r, RevenueRow::expansionMrr)).containsExactly(0.0, 50.0, 0.0);
        // Churned: Feb c3's 50 (won and lost in February), Mar c2's 200 (won in January).
        assertThat(report.rows()).extracting(r -> value(r, RevenueRow::churnedMrr)).containsExactly(0.0, 50.0, 200.0);
        // Net new: 450; 50 + 50 - 50 = 50; 75 - 200 = -125.
        assertThat(report.rows()).extracting(r -> value(r, RevenueRow::netNewMrr)).containsExactly(450.0, 50.0, -125.0);
        // Running MRR: 100 before the range, then 550, 600, 475.
        assertThat(report.rows()).extracting(r -> value(r, RevenueRow::mrrAtEnd)).containsExactly(550.0, 600.0, 475.0);
        // The range: 575 new + 50 expansion - 250 churned = 375; 100 + 375 = 475 at its end.
        assertThat(report.total().netNewMrr().value()).isEqualTo(375.0);
        assertThat(report.total().mrrAtEnd().value()).isEqualTo(475.0);
    }

    @Test
    void customersAndChurnWithinAndAcrossPeriods() {
        RevenueReport report = revenue.run(RevenueQuery.of(Q1));

        // At start: Jan c1; Feb c1 c2 d4; Mar c1 c2 d4. New: Jan c2 d4; Feb c3; Mar c9. Churned: Feb c3, Mar c2.
        assertThat(report.rows()).extracting(r -> value(r, RevenueRow::customersAtStart)).containsExactly(1.0, 3.0, 3.0);
        assertThat(report.rows()).extracting(r -> value(r, RevenueRow::newCustomers)).containsExactly(2.0, 1.0, 1.0);
        assertThat(report.rows()).extracting(r -> value(r, RevenueRow::churnedCustomers)).containsExactly(0.0, 1.0, 1.0);
        assertThat(report.rows()).extracting(r -> value(r, RevenueRow::customersAtEnd)).containsExactly(3.0, 3.0, 3.0);
        // Churn rate: of the customers at the start, the share lost. Feb: c3 was not there at the start, so 0 / 3;
        // Mar: c2 was, 1 / 3.
        assertThat(report.rows()).extracting(r -> value(r, RevenueRow::customerChurnRate)).containsExactly(0.0, 0.0, 1.0 / 3);
        // The range: 1 customer at its start (c1), which did not churn: 0 / 1.
        assertThat(report.total().customerChurnRate().value()).isEqualTo(0.0);
        assertThat(report.total().churnedCustomers().value()).isEqualTo(2.0);
    }

    @Test
    void customerMonthsRecurringRevenueArpuMonthlyChurnAndLifetimeValue() {
        RevenueReport report = revenue.run(RevenueQuery.of(Q1));
        RevenueRow jan = report.rows().get(0);
        RevenueRow feb = report.rows().get(1);
        RevenueRow mar = report.rows().get(2);

        // Customer-days: Jan c1 31 + c2 22 (from the 10th) + d4 12 (from the 20th) = 65;
        // Feb c1 29 + c2 29 + d4 29 + c3 15 (5th to 20th) = 102; Mar c1 31 + d4 31 + c9 12 (from the 20th) = 74.
        assertThat(jan.customerMonths().value()).isCloseTo(65 / MONTH, within(1e-9));
        assertThat(feb.customerMonths().value()).isCloseTo(102 / MONTH, within(1e-9));
        assertThat(mar.customerMonths().value()).isCloseTo(74 / MONTH, within(1e-9));
        // MRR-days: Jan 100*31 + 200*22 + 250*12 = 10500; Feb 100*29 + 50*20 (c1's expansion from the 10th)
        // + 200*29 + 250*29 + 50*15 = 17700; Mar 150*31 + 250*31 + 75*12 = 13300.
        assertThat(jan.recurringRevenue().value()).isCloseTo(10500 / MONTH, within(1e-9));
        assertThat(feb.recurringRevenue().value()).isCloseTo(17700 / MONTH, within(1e-9));
        assertThat(mar.recurringRevenue().value()).isCloseTo(13300 / MONTH, within(1e-9));
        // ARPU: MRR-days over customer-days: 10500 / 65 = 161.54, 17700 / 102 = 173.53, 13300 / 74 = 179.73.
        assertThat(jan.arpu().value()).isCloseTo(10500.0 / 65, within(1e-9));
        assertThat(feb.arpu().value()).isCloseTo(17700.0 / 102, within(1e-9));
        assertThat(mar.arpu().value()).isCloseTo(13300.0 / 74, within(1e-9));
        // Monthly churn: churned over customer-months. January lost nobody: 0, and no lifetime value.
        assertThat(jan.monthlyChurnRate().value()).isEqualTo(0.0);
        assertThat(jan.ltv().value()).isNull();
        assertThat(feb.monthlyChurnRate().value()).isCloseTo(1 / (102 / MONTH), within(1e-9));
        // LTV = ARPU / monthly churn = MRR-months / churned: Feb 17700 / 30.4375 / 1 = 581.52; Mar 436.96.
        assertThat(feb.ltv().value()).isCloseTo(17700 / MONTH, within(1e-6));
        assertThat(mar.ltv().value()).isCloseTo(13300 / MONTH, within(1e-6));
        // The range: 241 customer-days, 41500 MRR-days, 2 churned: ARPU 172.20, LTV 41500 / 30.4375 / 2 = 681.72.
        assertThat(report.total().customerMonths().value()).isCloseTo(241 / MONTH, within(1e-9));
        assertThat(report.total().arpu().value()).isCloseTo(41500.0 / 241, within(1e-9));
        assertThat(report.total().ltv().value()).isCloseTo(41500 / MONTH / 2, within(1e-6));
    }

    @Test
    void groupsByTheContactsSourceWithUnattributedDealsListedNotDropped() {
        RevenueReport report = revenue.run(RevenueQuery.of(Q1).withGroupBy(Dimension.SOURCE));

        assertThat(report.groupTotals()).extracting(RevenueRow::source)
                .containsExactly("organic_search", "outbound", "paid_search", "unattributed");
        // organic_search (c1): Feb d3 600 + Mar d5 1500; outbound (c3): d2 600; paid_search (c2): d1 2400;
        // unattributed: d4 3000 + d7 900. Together the 9000 of the total.
        assertThat(report.groupTotals()).extracting(r -> value(r, RevenueRow::wonRevenue)).containsExactly(2100.0, 600.0, 2400.0, 3900.0);
        // Every group in every period: 3 periods x 4 groups.
        assertThat(report.rows()).hasSize(12);
        // paid_search in March: c2 was its only customer at the start and churned: rate 1, 200 of MRR lost.
        RevenueRow paidMarch = report.rows().stream().filter(r -> r.period().label().equals("2024-03")
                && "paid_search".equals(r.source())).findFirst().orElseThrow();
        assertThat(paidMarch.customerChurnRate().value()).isEqualTo(1.0);
        assertThat(paidMarch.churnedMrr().value()).isEqualTo(200.0);
        assertThat(paidMarch.customersAtEnd().value()).isEqualTo(0.0);
        // c2 churned at the very start of March: no customer was active in March, so no ARPU.
        assertThat(paidMarch.customerMonths().value()).isEqualTo(0.0);
        assertThat(paidMarch.arpu().value()).isNull();
        // organic_search over the range: c1, 91 days, 100 a month and 150 from Feb 10: 11650 MRR-days;
        // never churned, so no lifetime value.
        assertThat(report.groupTotals().get(0).arpu().value()).isCloseTo(11650.0 / 91, within(1e-9));
        assertThat(report.groupTotals().get(0).ltv().value()).isNull();
        assertThat(report.total().wonRevenue().value()).isEqualTo(9000.0);
    }

    @Test
    void groupsByChannel() {
        RevenueReport report = revenue.run(RevenueQuery.of(Q1).withGroupBy(Dimension.CHANNEL));

        // inbound: c1 2100 + c2 2400; outbound: c3 600; unattributed: 3900.
        assertThat(report.groupTotals()).extracting(RevenueRow::channel).containsExactly("inbound", "outbound", "unattributed");
        assertThat(report.groupTotals()).extracting(r -> value(r, RevenueRow::wonRevenue)).containsExactly(4500.0, 600.0, 3900.0);
        assertThat(report.groupTotals().get(0).marketingSourcedRevenue().value()).isEqualTo(4500.0);
    }

    @Test
    void filtersOnUnattributedLikeASource() {
        RevenueReport report = revenue.run(RevenueQuery.of(Q1).withSources("unattributed", "paid_search")
                .withGroupBy(Dimension.SOURCE));

        assertThat(report.groupTotals()).extracting(RevenueRow::source).containsExactly("paid_search", "unattributed");
        // paid_search 2400 + unattributed 3900.
        assertThat(report.total().wonRevenue().value()).isEqualTo(6300.0);
    }

    @Test
    void anEmptyRangeHasEveryPeriodWithZerosAndNullRates() {
        RevenueReport report = revenue.run(RevenueQuery.of(DateRange.of("2022-01-01", "2022-02-28")));

        assertThat(report.rows()).hasSize(2);
        RevenueRow jan = report.rows().get(0);
        assertThat(jan.wonRevenue().value()).isEqualTo(0.0);
        assertThat(jan.averageDealSize().value()).isNull();
        assertThat(jan.arpu().value()).isNull();
        assertThat(jan.customerChurnRate().value()).isNull();
        assertThat(jan.monthlyChurnRate().value()).isNull();
        assertThat(jan.ltv().value()).isNull();
        assertThat(jan.wonRevenue().previous()).isNull();
        assertThat(jan.wonRevenue().compared()).isFalse();
    }
}

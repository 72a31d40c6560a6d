package io.funnelql.queries.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.queries.revenue.RevenueFigures;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * Every cost metric on hand-built contacts, spend and deals, January to March 2024 in UTC. The expected
 * numbers are worked out in the comments.
 */
class CostServiceTests {

    /*
     * Contacts (stage entries counted cumulatively, in the month they happened):
     * k1 paid_search  created Jan 5:  lead Jan 5, MQL Jan 10, customer Feb 15
     * k2 paid_search  created Jan 20: lead Jan 20, MQL Feb 3
     * k3 paid_search  created Feb 10: lead Feb 10
     * k4 events       created Jan 15: MQL Jan 15 (skips LEAD: a lead on Jan 15 too), customer Mar 10
     * k5 organic      created Jan 8:  lead Jan 8, MQL Jan 20, customer Mar 5
     * k6 organic      created Mar 1:  lead Mar 1
     *
     * Spend: paid_search Jan 3000, Feb 2000, Mar 1000; events Jan 5000; display Feb 800 (no contacts at all).
     * Deals: m1 k1 Feb 15 12000 (MRR 1000, churned Mar 16); m2 k4 Mar 10 6000 (500); m3 k5 Mar 5 2400 (200);
     *        m4 without contact Feb 20 1000 (100).
     */
    static final String CONTACTS = """
            contact_id,created_at,source,lead_at,mql_at,customer_at
            k1,2024-01-05,PAID_SEARCH,2024-01-05,2024-01-10,2024-02-15
            k2,2024-01-20,PAID_SEARCH,2024-01-20,2024-02-03,
            k3,2024-02-10,PAID_SEARCH,2024-02-10,,
            k4,2024-01-15,events,,2024-01-15,2024-03-10
            k5,2024-01-08,ORGANIC_SEARCH,2024-01-08,2024-01-20,2024-03-05
            k6,2024-03-01,ORGANIC_SEARCH,2024-03-01,,
            """;
    static final String SPEND = """
            date,source,amount,campaign
            2024-01-15,paid_search,3000,generic
            2024-02-15,paid_search,2000,generic
            2024-03-15,PAID_SEARCH,1000,generic
            2024-01-10,events,5000,winter-show
            2024-02-01,display,800,retargeting
            """;
    static final String DEALS = """
            deal_id,amount,closed_at,contact_id,status,type,mrr,churned_at
            m1,12000,2024-02-15,k1,won,new,1000,2024-03-16
            m2,6000,2024-03-10,k4,won,new,500,
            m3,2400,2024-03-05,k5,won,new,200,
            m4,1000,2024-02-20,,won,new,100,
            """;
    static final DateRange Q1 = DateRange.of("2024-01-01", "2024-03-31");

    Warehouse warehouse;
    CostService cost;

    @BeforeEach
    void load() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.CONTACTS, CONTACTS);
        Fixtures.load(warehouse, Dataset.SPEND, SPEND);
        Fixtures.load(warehouse, Dataset.DEALS, DEALS);
        cost = new CostService(warehouse, ReportSettings.defaults(),
                Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    static Double value(CostRow row, Function<CostRow, Measure> measure) {
        return measure.apply(row).value();
    }

    static CostRow row(CostReport report, String label, String source) {
        return report.rows().stream().filter(r -> r.period().label().equals(label) && source.equals(r.source()))
                .findFirst().orElseThrow();
    }

    static CostRow groupTotal(CostReport report, String source) {
        return report.groupTotals().stream().filter(r -> source.equals(r.source())).findFirst().orElseThrow();
    }

    @Test
    void countsWhatTheSpendBoughtAsStageEntriesInThePeriod() {
        CostReport report = cost.run(CostQuery.of(Q1).withGroupBy(Dimension.SOURCE).withSources("paid_search"));

        // paid_search: Jan spend 3000, created k1 k2, leads k1 k2, MQL k1; Feb 2000, created k3, lead k3,
        // MQL k2, customer k1; Mar 1000 and nothing else.
        assertThat(report.rows()).extracting(r -> r.period().label(), r -> value(r, CostRow::spend), r -> value(r, CostRow::newContacts),
                r -> value(r, CostRow::leads), r -> value(r, CostRow::mqls), r -> value(r, CostRow::newCustomers)).containsExactly(
                tuple("2024-01", 3000.0, 2.0, 2.0, 1.0, 0.0),
                tuple("2024-02", 2000.0, 1.0, 1.0, 1.0, 1.0),
                tuple("2024-03", 1000.0, 0.0, 0.0, 0.0, 0.0));
        // Cost per contact, lead, MQL and customer: Jan 3000/2, 3000/2, 3000/1, no customer: null (not infinity).
        assertThat(report.rows()).extracting(r -> value(r, CostRow::costPerContact), r -> value(r, CostRow::costPerLead),
                r -> value(r, CostRow::costPerMql), r -> value(r, CostRow::cac)).containsExactly(
                tuple(1500.0, 1500.0, 3000.0, null),
                tuple(2000.0, 2000.0, 2000.0, 2000.0),
                tuple(null, null, null, null));
    }

    @Test
    void aSkippedStageCountsAtTheNextStageEntered() {
        CostReport report = cost.run(CostQuery.of(Q1).withGroupBy(Dimension.SOURCE).withSources("events"));

        // k4 went straight to MQL on Jan 15: a lead and an MQL in January, as the cumulative ENTERED funnel says.
        CostRow january = report.rows().get(0);
        assertThat(january.leads().value()).isEqualTo(1.0);
        assertThat(january.mqls().value()).isEqualTo(1.0);
        // 5000 for one lead and one MQL.
        assertThat(january.costPerLead().value()).isEqualTo(5000.0);
    }

    @Test
    void zeroSpendGivesNullCostsNotZero() {
        CostReport report = cost.run(CostQuery.of(Q1).withGroupBy(Dimension.SOURCE));

        // events in March: k4 became a customer, nothing was spent: CAC is unknown, not 0; ROI has no base.
        CostRow eventsMarch = row(report, "2024-03", "events");
        assertThat(eventsMarch.spend().value()).isEqualTo(0.0);
        assertThat(eventsMarch.newCustomers().value()).isEqualTo(1.0);
        assertThat(eventsMarch.cac().value()).isNull();
        assertThat(eventsMarch.roi().value()).isNull();
        assertThat(eventsMarch.paybackMonths().value()).isNull();
        assertThat(eventsMarch.ltvToCac().value()).isNull();
        // organic_search never spends: every cost per unit is null over the whole range.
        CostRow organic = groupTotal(report, "organic_search");
        assertThat(organic.leads().value()).isEqualTo(2.0);
        assertThat(organic.costPerLead().value()).isNull();
        assertThat(organic.cac().value()).isNull();
    }

    @Test
    void sourcesWithSpendButNoContactsAndContactsButNoSpendAreShown() {
        CostReport report = cost.run(CostQuery.of(Q1).withGroupBy(Dimension.SOURCE));

        // display spent 800 and brought nothing; organic_search brought contacts and spent nothing; the deal
        // without a contact is listed as unattributed.
        assertThat(report.groupTotals()).extracting(CostRow::source)
                .containsExactly("display", "events", "organic_search", "paid_search", "unattributed");
        CostRow display = groupTotal(report, "display");
        assertThat(display.spend().value()).isEqualTo(800.0);
        assertThat(display.leads().value()).isEqualTo(0.0);
        assertThat(display.costPerLead().value()).isNull();
        // (0 - 800) / 800: all of it lost.
        assertThat(display.roi().value()).isEqualTo(-1.0);
        // Every group in every period: 3 months x 5 groups.
        assertThat(report.rows()).hasSize(15);
    }

    @Test
    void revenueRoiAndPaybackBesideTheSpend() {
        CostReport report = cost.run(CostQuery.of(Q1).withGroupBy(Dimension.SOURCE));

        // paid_search in February: 2000 spent, m1 won 12000 at 1000 MRR: ROI (12000 - 2000) / 2000 = 5;
        // payback 2000 / 1000 = 2 months.
        CostRow paidFebruary = row(report, "2024-02", "paid_search");
        assertThat(paidFebruary.wonRevenue().value()).isEqualTo(12000.0);
        assertThat(paidFebruary.newMrr().value()).isEqualTo(1000.0);
        assertThat(paidFebruary.roi().value()).isEqualTo(5.0);
        assertThat(paidFebruary.paybackMonths().value()).isEqualTo(2.0);
        // January: 3000 spent, nothing won: ROI -1, no new MRR so no payback.
        CostRow paidJanuary = row(report, "2024-01", "paid_search");
        assertThat(paidJanuary.roi().value()).isEqualTo(-1.0);
        assertThat(paidJanuary.paybackMonths().value()).isNull();
        // paid_search over the range: 6000 spent, 1 customer: CAC 6000; 12000 won: ROI 1; payback 6000 / 1000 = 6.
        CostRow paid = groupTotal(report, "paid_search");
        assertThat(paid.cac().value()).isEqualTo(6000.0);
        assertThat(paid.costPerLead().value()).isEqualTo(2000.0);
        assertThat(paid.costPerMql().value()).isEqualTo(3000.0);
        assertThat(paid.roi().value()).isEqualTo(1.0);
        assertThat(paid.paybackMonths().value()).isEqualTo(6.0);
    }

    @Test
    void lifetimeValueOverCac() {
        CostReport report = cost.run(CostQuery.of(Q1).withGroupBy(Dimension.SOURCE));

        // paid_search: k1 paid 1000 a month from Feb 15 to Mar 16, 30 days, then churned: LTV = 30000
        // MRR-days / 30.4375 / 1 churned = 985.63, as the revenue report gives it; over a CAC of 6000: 0.164.
        CostRow paid = groupTotal(report, "paid_search");
        double ltv = 30000 / RevenueFigures.DAYS_PER_MONTH;
        assertThat(paid.ltv().value()).isCloseTo(ltv, within(1e-6));
        assertThat(paid.ltvToCac().value()).isCloseTo(ltv / 6000, within(1e-9));
        // events: k4 never churned, so no LTV, and no LTV:CAC.
        assertThat(groupTotal(report, "events").ltv().value()).isNull();
        assertThat(groupTotal(report, "events").ltvToCac().value()).isNull();
    }

    @Test
    void theTotalIsComputedFromSummedFiguresNotSummedRatios() {
        CostReport report = cost.run(CostQuery.of(Q1));

        // Spend 3000 + 2000 + 1000 + 5000 + 800 = 11800; contacts k1-k6 = 6; leads 6; MQLs k1 k2 k4 k5 = 4;
        // customers k1 k4 k5 = 3; won 12000 + 6000 + 2400 + 1000 = 21400; new MRR 1800.
        CostRow total = report.total();
        assertThat(List.of(total.spend().value(), total.newContacts().value(), total.leads().value(), total.mqls().value(),
                total.newCustomers().value(), total.wonRevenue().value(), total.newMrr().value()))
                .containsExactly(11800.0, 6.0, 6.0, 4.0, 3.0, 21400.0, 1800.0);
        // Blended: CAC 11800 / 3, cost per lead 11800 / 6, per MQL 11800 / 4, ROI (21400 - 11800) / 11800,
        // payback 11800 / 1800.
        assertThat(total.cac().value()).isCloseTo(11800.0 / 3, within(1e-9));
        assertThat(total.costPerLead().value()).isCloseTo(11800.0 / 6, within(1e-9));
        assertThat(total.costPerMql().value()).isEqualTo(2950.0);
        assertThat(total.roi().value()).isCloseTo(9600.0 / 11800, within(1e-12));
        assertThat(total.paybackMonths().value()).isCloseTo(11800.0 / 1800, within(1e-12));
        // The months add up to the total: January 3000 + 5000 spent.
        assertThat(report.rows()).extracting(r -> value(r, CostRow::spend)).containsExactly(8000.0, 2800.0, 1000.0);
    }
}

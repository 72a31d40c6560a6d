package io.funnelql.queries.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.cost.CostQuery;
import io.funnelql.queries.cost.CostReport;
import io.funnelql.queries.cost.CostRow;
import io.funnelql.queries.funnel.CohortMode;
import io.funnelql.queries.funnel.FunnelQuery;
import io.funnelql.queries.funnel.FunnelReport;
import io.funnelql.queries.funnel.FunnelService;
import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.queries.traffic.TrafficQuery;
import io.funnelql.queries.traffic.TrafficReport;
import io.funnelql.queries.traffic.TrafficService;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** Report rows carry the targets of their metrics: April 2024, by hand. */
class ReportTargetsTests {

    /*
     * April: c1, c2 (paid search) and c3 (organic) created; MQLs entered: c1 (Apr 3), c2 (Apr 10), c4 (organic,
     * created in March, MQL Apr 5). Leads entered in April: c1, c2 (paid), c3 (organic). 10 sessions, 600 spent on
     * paid search.
     */
    static final String CONTACTS = """
            contact_id,created_at,source,lead_at,mql_at
            c1,2024-04-02,PAID_SEARCH,2024-04-02,2024-04-03
            c2,2024-04-03,PAID_SEARCH,2024-04-03,2024-04-10
            c3,2024-04-04,ORGANIC_SEARCH,2024-04-04,
            c4,2024-03-20,ORGANIC_SEARCH,2024-03-20,2024-04-05
            """;
    static final String TARGETS = """
            metric,period_start,grain,value,source
            mqls,2024-04-01,MONTH,4,
            mqls,2024-04-01,MONTH,2,paid_search
            contacts,2024-04-01,QUARTER,91,
            sessions,2024-04-01,MONTH,8,
            cost_per_lead,2024-04-01,QUARTER,250,paid_search
            """;
    static final DateRange APRIL = DateRange.of("2024-04-01", "2024-04-30");

    Warehouse warehouse;
    Clock clock = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void load() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.CONTACTS, CONTACTS);
        StringBuilder sessions = new StringBuilder("session_id,started_at,source\n");
        for (int i = 1; i <= 10; i++) {
            sessions.append("s").append(i).append(",2024-04-1").append(i % 10).append(",").append(i <= 6 ? "paid_search" : "organic_search").append('\n');
        }
        Fixtures.load(warehouse, Dataset.SESSIONS, sessions.toString());
        Fixtures.load(warehouse, Dataset.SPEND, "date,source,amount\n2024-04-15,paid_search,600\n");
        Fixtures.load(warehouse, Dataset.TARGETS, TARGETS);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    FunnelReport funnel(FunnelQuery query) {
        return new FunnelService(warehouse, ReportSettings.defaults(), clock).run(query);
    }

    @Test
    void stageEntriesCarryTheirStagesTargets() {
        FunnelReport report = funnel(FunnelQuery.of(APRIL).withCohort(CohortMode.ENTERED).withStages(Stage.CREATED, Stage.MQL));

        // 3 MQLs entered of 4 targeted; 3 contacts created of 91 x 30 / 91 = 30 (April's share of the quarter).
        assertThat(report.rows().get(0).step(Stage.MQL).target()).isEqualTo(4.0);
        assertThat(report.rows().get(0).step(Stage.MQL).attainment()).hasValue(0.75);
        assertThat(report.rows().get(0).step(Stage.CREATED).target()).isCloseTo(30.0, within(1e-9));
        assertThat(report.rows().get(0).step(Stage.CREATED).attainment().getAsDouble()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void aServiceReadsTheTargetsAgainAfterEachLoad() throws InterruptedException {
        FunnelService service = new FunnelService(warehouse, ReportSettings.defaults(), clock);
        FunnelQuery mqls = FunnelQuery.of(APRIL).withCohort(CohortMode.ENTERED).withStages(Stage.MQL);
        assertThat(service.run(mqls).rows().get(0).step(Stage.MQL).target()).isEqualTo(4.0);
        assertThat(service.run(mqls).rows().get(0).step(Stage.MQL).target()).isEqualTo(4.0);
        Thread.sleep(2);
        Instant beforeCorrection = Instant.now();
        Thread.sleep(2);

        // April's all-sources MQL target corrected from 4 to 5 by a later load of the same key.
        Fixtures.load(warehouse, Dataset.TARGETS, "metric,period_start,grain,value,source\nmqls,2024-04-01,MONTH,5,\n");

        assertThat(service.run(mqls).rows().get(0).step(Stage.MQL).target()).isEqualTo(5.0);
        assertThat(service.run(mqls.withKnownAt(beforeCorrection)).rows().get(0).step(Stage.MQL).target()).isEqualTo(4.0);
        assertThat(service.run(mqls).rows().get(0).step(Stage.MQL).target()).isEqualTo(5.0);
    }

    @Test
    void onlyTheCumulativeEnteredFunnelCountsWhatAStageTargetCounts() {
        FunnelReport created = funnel(FunnelQuery.of(APRIL).withStages(Stage.CREATED, Stage.MQL));
        FunnelReport own = funnel(FunnelQuery.of(APRIL).withCohort(CohortMode.ENTERED).withCumulative(false)
                .withStages(Stage.CREATED, Stage.MQL));

        assertThat(created.rows().get(0).step(Stage.MQL).target()).isNull();
        assertThat(created.rows().get(0).step(Stage.CREATED).target()).isCloseTo(30.0, within(1e-9));
        assertThat(own.rows().get(0).step(Stage.MQL).target()).isNull();
    }

    @Test
    void aSourcesRowCarriesThatSourcesTarget() {
        FunnelReport report = funnel(FunnelQuery.of(APRIL).withCohort(CohortMode.ENTERED).withStages(Stage.MQL)
                .withGroupBy(Dimension.SOURCE));

        // organic_search: c4's MQL, no target of its own; paid_search: 2 of 2. The total has the all-sources 4.
        assertThat(report.rows()).extracting(r -> r.source(), r -> r.step(Stage.MQL).count(), r -> r.step(Stage.MQL).target())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("organic_search", 1L, null),
                        org.assertj.core.groups.Tuple.tuple("paid_search", 2L, 2.0));
        assertThat(report.totals().get(0).target()).isEqualTo(4.0);
    }

    @Test
    void trafficAndCostMeasuresCarryTargetsAndAttainment() {
        TrafficReport traffic = new TrafficService(warehouse, ReportSettings.defaults(), clock).run(TrafficQuery.of(APRIL));
        CostReport cost = new io.funnelql.queries.cost.CostService(warehouse, ReportSettings.defaults(), clock)
                .run(CostQuery.of(APRIL).withGroupBy(Dimension.SOURCE));

        // 10 sessions of 8 targeted.
        assertThat(traffic.rows().get(0).sessions().target()).isEqualTo(8.0);
        assertThat(traffic.rows().get(0).sessions().attainment()).hasValue(1.25);
        assertThat(traffic.rows().get(0).uniqueVisitors().target()).isNull();
        // Paid search: 600 for 2 leads, 300 a lead against 250: attainment 1.2 (over the target cost).
        CostRow paid = cost.rows().stream().filter(r -> "paid_search".equals(r.source())).findFirst().orElseThrow();
        assertThat(paid.costPerLead().value()).isEqualTo(300.0);
        assertThat(paid.costPerLead().target()).isEqualTo(250.0);
        assertThat(paid.costPerLead().attainment()).hasValue(1.2);
        assertThat(paid.mqls().target()).isEqualTo(2.0);
        // The whole month's total over all sources: 4 MQLs targeted, no all-sources cost per lead target.
        assertThat(cost.total().mqls().target()).isEqualTo(4.0);
        assertThat(cost.total().costPerLead().target()).isNull();
        assertThat(cost.rows().get(0).period().label()).isEqualTo("2024-04");
        assertThat(Grain.MONTH).isEqualTo(cost.query().grain());
    }
}

package io.funnelql.queries.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * OKR pacing on Q2 2024 (April 1 to June 30: 91 days, 13 Monday weeks), asked at noon on May 16, half way through
 * the quarter: 45.5 of its 91 days have passed.
 */
class OkrServiceTests {

    /*
     * One paid-search contact a day from April 1 to May 15 (45), each a lead and an MQL the day it is created. Spend
     * 3000 on April 15 and 1000 on May 10. Targets for the quarter: 91 MQLs (1 a day, 7 a week) and a cost per lead
     * of 100.
     */
    static final Instant AS_OF = Instant.parse("2024-05-16T12:00:00Z");

    Warehouse warehouse;
    OkrService okr;

    @BeforeEach
    void load() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        StringBuilder contacts = new StringBuilder("contact_id,created_at,source,lead_at,mql_at\n");
        for (LocalDate day = LocalDate.parse("2024-04-01"); !day.isAfter(LocalDate.parse("2024-05-15")); day = day.plusDays(1)) {
            contacts.append("q").append(day).append(',').append(day).append(",paid_search,").append(day).append(',').append(day).append('\n');
        }
        Fixtures.load(warehouse, Dataset.CONTACTS, contacts.toString());
        Fixtures.load(warehouse, Dataset.SPEND, "date,source,amount\n2024-04-15,paid_search,3000\n2024-05-10,paid_search,1000\n");
        Fixtures.load(warehouse, Dataset.TARGETS, """
                metric,period_start,grain,value
                mqls,2024-04-01,QUARTER,91
                cost_per_lead,2024-04-01,QUARTER,100
                """);
        Clock clock = Clock.fixed(AS_OF, ZoneOffset.UTC);
        KpiDefinitions definitions = new KpiDefinitions(warehouse, Clock.systemUTC());
        okr = new OkrService(warehouse, ReportSettings.defaults(), clock, definitions,
                KpiFixtures.services(warehouse, ReportSettings.defaults(), clock));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    static OkrKpi kpi(OkrReport report, String id) {
        return report.kpis().stream().filter(k -> k.definition().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void pacesTheQuarterAlongALinearPath() {
        OkrReport report = okr.run(OkrQuery.of(null));

        assertThat(report.quarter().label()).isEqualTo("2024-Q2");
        assertThat(report.query().quarter()).isEqualTo(LocalDate.parse("2024-04-01"));
        // Every KPI whose metric has a target this quarter, by id.
        assertThat(report.kpis()).extracting(k -> k.definition().id()).containsExactly("cost_per_lead", "mqls");
        // MQLs: 45 by noon on May 16; a linear path to 91 is at 91 x 45.5 / 91 = 45.5 then: behind.
        OkrPeriod mqls = kpi(report, "mqls").quarter();
        assertThat(mqls.elapsed()).isEqualTo(0.5);
        assertThat(mqls.target()).isEqualTo(91.0);
        assertThat(mqls.actual()).isEqualTo(45.0);
        assertThat(mqls.pacing()).isEqualTo(45.5);
        assertThat(mqls.attainment().getAsDouble()).isCloseTo(45.0 / 91, within(1e-12));
        assertThat(mqls.status()).isEqualTo(OkrStatus.BEHIND);
        // Cost per lead: 4000 over 45 leads, 88.89, under the target of 100 (a ratio is paced at its target): on track.
        OkrPeriod cost = kpi(report, "cost_per_lead").quarter();
        assertThat(cost.actual()).isCloseTo(4000.0 / 45, within(1e-9));
        assertThat(cost.pacing()).isEqualTo(100.0);
        assertThat(cost.status()).isEqualTo(OkrStatus.ON_TRACK);
    }

    @Test
    void pacesEachWeekOfTheQuarter() {
        OkrKpi mqls = kpi(okr.run(OkrQuery.of(LocalDate.parse("2024-05-02")).withKpis("mqls")), "mqls");

        assertThat(mqls.weeks()).hasSize(13);
        assertThat(mqls.weeks().get(0).period().label()).isEqualTo("2024-04-01");
        // Week of May 6, over: 7 of 7. Week of May 13, half over (3.5 of 7 days): 3 MQLs against a pacing of 3.5.
        // Week of May 20: not begun, so no actual and no status.
        assertThat(mqls.weeks().subList(5, 8)).extracting(w -> w.period().label(), OkrPeriod::target, OkrPeriod::actual,
                OkrPeriod::pacing, OkrPeriod::status).containsExactly(
                tuple("2024-05-06", 7.0, 7.0, 7.0, OkrStatus.ON_TRACK),
                tuple("2024-05-13", 7.0, 3.0, 3.5, OkrStatus.BEHIND),
                tuple("2024-05-20", 7.0, null, 0.0, null));
    }

    @Test
    void aCostIsOnTrackUnderItsTargetAndHasNoStatusWithoutSpend() {
        OkrKpi cost = kpi(okr.run(OkrQuery.of(null).withKpis("cost_per_lead")), "cost_per_lead");

        // Weeks of April 8 (no spend), April 15 (3000 for 7 leads), May 6 (1000 for 7), May 13 (no spend).
        assertThat(cost.weeks()).extracting(w -> w.period().label(), OkrPeriod::actual, OkrPeriod::status).contains(
                tuple("2024-04-08", null, null),
                tuple("2024-04-15", 3000.0 / 7, OkrStatus.BEHIND),
                tuple("2024-05-06", 1000.0 / 7, OkrStatus.BEHIND),
                tuple("2024-05-13", null, null));
    }
}

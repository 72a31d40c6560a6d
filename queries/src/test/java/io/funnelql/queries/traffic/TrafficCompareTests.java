package io.funnelql.queries.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** Comparison with the previous period and the previous year; expected values worked out by hand. */
class TrafficCompareTests {

    /*
     * The sessions and contacts of TrafficServiceTests, and a year earlier:
     * p1  Tue 2023-06-06  organic  v9  bounced        (the week of Mon 2023-06-05, 52 weeks before Jun 3, 2024)
     * p2  Wed 2023-06-07  organic  v9  3 pages
     * x1  Sat 2023-06-03  organic  vx                 (a calendar year before Jun 3, 2024, but not 52 weeks)
     */
    static final String EARLIER = """
            session_id,started_at,source,visitor_id,pageviews,duration_seconds,bounced
            p1,2023-06-06 10:00,ORGANIC_SEARCH,v9,,,true
            p2,2023-06-07 10:00,ORGANIC_SEARCH,v9,3,,
            x1,2023-06-03 10:00,ORGANIC_SEARCH,vx,,,
            """;

    static Warehouse warehouse;
    static TrafficService traffic;
    static TrafficService raw;

    @BeforeAll
    static void load() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.SESSIONS, TrafficServiceTests.SESSIONS);
        Fixtures.load(warehouse, Dataset.SESSIONS, EARLIER);
        Fixtures.load(warehouse, Dataset.CONTACTS, TrafficServiceTests.CONTACTS);
        traffic = new TrafficService(warehouse, ReportSettings.defaults(), TrafficServiceTests.CLOCK);
        raw = TrafficService.withoutRollups(warehouse, ReportSettings.defaults(), TrafficServiceTests.CLOCK);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static TrafficReport run(TrafficQuery query) {
        TrafficReport report = traffic.run(query);
        assertThat(raw.run(query)).isEqualTo(report);
        return report;
    }

    @Test
    void previousYearOnWeeklyGrainLooks52WeeksBack() {
        TrafficRow week = run(TrafficQuery.of(DateRange.of("2024-06-03", "2024-06-09")).withGrain(Grain.WEEK)
                .withCompare(Compare.PREVIOUS_YEAR)).rows().get(0);

        // This week: s2-s5, 4 sessions by v1 v2 and s5. 52 weeks earlier: p1 p2 by v9 (x1 lies outside that week).
        assertThat(week.sessions()).isEqualTo(new Measure(4.0, 2.0, true));
        assertThat(week.sessions().change()).hasValue(2.0);
        assertThat(week.sessions().changeRate()).hasValue(1.0);
        assertThat(week.uniqueVisitors()).isEqualTo(new Measure(3.0, 1.0, true));
        assertThat(week.uniqueVisitors().changeRate()).hasValue(2.0);
        // New: v2 and s5 against v9.
        assertThat(week.newVisitors()).isEqualTo(new Measure(2.0, 1.0, true));
        // Bounces: 0 of 3 known against p1 of p1 and p2 (3 pages): 0.0 against 0.5.
        assertThat(week.bounceRate()).isEqualTo(new Measure(0.0, 0.5, true));
        assertThat(week.bounceRate().change()).hasValue(-0.5);
        assertThat(week.bounceRate().changeRate()).hasValue(-1.0);
        // Durations: 480 s over 3 against none known (null): no change to compute.
        assertThat(week.avgSessionDurationSeconds()).isEqualTo(new Measure(160.0, null, true));
        assertThat(week.avgSessionDurationSeconds().change()).isEmpty();
        // Contacts c1 and c2 for 3 visitors against none for 1: the change rate of a previous 0 is null.
        assertThat(week.visitorToContactRate()).isEqualTo(new Measure(2.0 / 3, 0.0, true));
        assertThat(week.visitorToContactRate().changeRate()).isEmpty();
    }

    @Test
    void previousPeriodComparesEachPeriodAndTheTotalWithTheRangeJustBefore() {
        TrafficReport report = run(TrafficQuery.of(DateRange.of("2024-06-01", "2024-07-31")).withCompare(Compare.PREVIOUS_PERIOD));

        // June (7 sessions) against April (none); July (2) against May (none).
        assertThat(report.rows()).extracting(r -> r.period().label(), TrafficRow::sessions).containsExactly(
                tuple("2024-06", new Measure(7.0, 0.0, true)),
                tuple("2024-07", new Measure(2.0, 0.0, true)));
        assertThat(report.rows().get(0).sessions().changeRate()).isEmpty();
        assertThat(report.rows().get(0).bounceRate().previous()).isNull();

        TrafficReport july = run(TrafficQuery.of(DateRange.of("2024-07-01", "2024-07-31")).withCompare(Compare.PREVIOUS_PERIOD));
        // July against June: 2 sessions against 7, 2 visitors against 4, 1 new against 4.
        TrafficRow total = july.total();
        assertThat(total.sessions()).isEqualTo(new Measure(2.0, 7.0, true));
        assertThat(total.sessions().changeRate()).hasValue(-5.0 / 7);
        assertThat(total.uniqueVisitors()).isEqualTo(new Measure(2.0, 4.0, true));
        assertThat(total.newVisitors()).isEqualTo(new Measure(1.0, 4.0, true));
        assertThat(total.returningVisitors()).isEqualTo(new Measure(1.0, 0.0, true));
    }

    @Test
    void comparesGroupsWithTheSameGroup() {
        TrafficReport report = run(TrafficQuery.of(DateRange.of("2024-07-01", "2024-07-31")).withGroupBy(Dimension.SOURCE)
                .withCompare(Compare.PREVIOUS_PERIOD));

        // July: direct s9, organic s8. June: organic s1 s2 s6 s7, paid s3 s4 s5, outbound none (a contact only).
        assertThat(report.rows()).extracting(TrafficRow::source, TrafficRow::sessions).containsExactly(
                tuple("direct", new Measure(1.0, 0.0, true)),
                tuple("organic_search", new Measure(1.0, 4.0, true)),
                tuple("outbound", new Measure(0.0, 0.0, true)),
                tuple("paid_search", new Measure(0.0, 3.0, true)));
    }
}

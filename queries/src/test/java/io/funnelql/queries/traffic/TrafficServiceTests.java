package io.funnelql.queries.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * Every traffic metric on nine hand-built sessions and four contacts; expected values are worked out in
 * the comments. Each report is computed twice, from the rollups and from the sessions themselves, and the
 * two must be equal.
 */
class TrafficServiceTests {

    /*
     *        started (UTC)       source          visitor  pages  secs  bounced
     * s1     Sun Jun 2  10:00    organic_search  v1       1      5     true
     * s2     Mon Jun 3  09:00    organic_search  v1       4      300   false
     * s3     Mon Jun 3  11:00    paid_search     v2       3      120   false
     * s4     Tue Jun 4  15:00    paid_search     v1       2      60    (blank: 2 pages, not a bounce)
     * s5     Wed Jun 5  08:00    paid_search     (none)   -      -     (blank: unknown)
     * s6     Mon Jun 10 12:00    organic_search  v2       1      0     true
     * s7     Tue Jun 11 12:00    organic_search  v3       6      600   false
     * s8     Mon Jul 1  09:00    organic_search  v3       1      10    true
     * s9     Tue Jul 2  09:00    direct          v4       2      100   false
     *
     * First sessions: v1 s1 (organic, June), v2 s3 (paid, June), v3 s7 (organic, June), v4 s9 (direct, July);
     * s5 has no visitor id: a visitor of its own, new in June (paid).
     */
    static final String SESSIONS = """
            session_id,started_at,source,visitor_id,pageviews,duration_seconds,bounced
            s1,2024-06-02 10:00,ORGANIC_SEARCH,v1,1,5,true
            s2,2024-06-03 09:00,ORGANIC_SEARCH,v1,4,300,false
            s3,2024-06-03 11:00,PAID_SEARCH,v2,3,120,false
            s4,2024-06-04 15:00,PAID_SEARCH,v1,2,60,
            s5,2024-06-05 08:00,PAID_SEARCH,,,,
            s6,2024-06-10 12:00,ORGANIC_SEARCH,v2,1,0,true
            s7,2024-06-11 12:00,ORGANIC_SEARCH,v3,6,600,false
            s8,2024-07-01 09:00,ORGANIC_SEARCH,v3,1,10,true
            s9,2024-07-02 09:00,DIRECT_TRAFFIC,v4,2,100,false
            """;

    /** c3 came from outbound and has no session at all. */
    static final String CONTACTS = """
            contact_id,created_at,source
            c1,2024-06-03 09:10,ORGANIC_SEARCH
            c2,2024-06-04 12:00,PAID_SEARCH
            c3,2024-06-20 12:00,outbound
            c4,2024-07-02 09:30,DIRECT_TRAFFIC
            """;

    static final DateRange JUNE = DateRange.of("2024-06-01", "2024-06-30");
    static final DateRange SUMMER = DateRange.of("2024-06-01", "2024-07-31");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    static Warehouse warehouse;
    static TrafficService traffic;
    static TrafficService raw;

    @BeforeAll
    static void load() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.SESSIONS, SESSIONS);
        Fixtures.load(warehouse, Dataset.CONTACTS, CONTACTS);
        traffic = new TrafficService(warehouse, ReportSettings.defaults(), CLOCK);
        raw = TrafficService.withoutRollups(warehouse, ReportSettings.defaults(), CLOCK);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    /** The report from the rollups, after checking that the sessions themselves give the same. */
    static TrafficReport run(TrafficQuery query) {
        TrafficReport report = traffic.run(query);
        assertThat(raw.run(query)).isEqualTo(report);
        return report;
    }

    static Double value(Measure measure) {
        return measure.value();
    }

    @Test
    void countsEveryMetricOfAMonth() {
        TrafficRow june = run(TrafficQuery.of(JUNE)).rows().get(0);

        // Sessions s1-s7.
        assertThat(june.sessions().value()).isEqualTo(7.0);
        // v1 (three sessions), v2 (two), v3 and the anonymous s5: four visitors, each counted once.
        assertThat(june.uniqueVisitors().value()).isEqualTo(4.0);
        // All four first came in June.
        assertThat(june.newVisitors().value()).isEqualTo(4.0);
        assertThat(june.returningVisitors().value()).isEqualTo(0.0);
        // Bounce known for s1 s2 s3 s4 s6 s7 (s4 by its 2 pages; s5 unknown); bounced s1 and s6: 2 / 6.
        assertThat(june.bounceRate().value()).isEqualTo(2.0 / 6);
        // Pages 1 + 4 + 3 + 2 + 1 + 6 = 17 over the 6 sessions that have a count.
        assertThat(june.pageviewsPerSession().value()).isEqualTo(17.0 / 6);
        // Seconds 5 + 300 + 120 + 60 + 0 + 600 = 1085 over the 6 sessions that have a duration.
        assertThat(june.avgSessionDurationSeconds().value()).isEqualTo(1085.0 / 6);
        // c1, c2, c3 created in June: 3 contacts for 4 visitors.
        assertThat(june.contactsCreated().value()).isEqualTo(3.0);
        assertThat(june.visitorToContactRate().value()).isEqualTo(0.75);
        assertThat(june.sessions().compared()).isFalse();
        assertThat(june.sessions().previous()).isNull();
    }

    @Test
    void aVisitorInTwoPeriodsIsCountedOnceInTheTotal() {
        TrafficReport report = run(TrafficQuery.of(SUMMER));

        // July: s8 (v3, back from June) and s9 (v4, new): 2 visitors, 1 new, 1 returning.
        assertThat(report.rows()).extracting(r -> r.period().label(), r -> value(r.sessions()), r -> value(r.uniqueVisitors()),
                r -> value(r.newVisitors()), r -> value(r.returningVisitors())).containsExactly(
                tuple("2024-06", 7.0, 4.0, 4.0, 0.0),
                tuple("2024-07", 2.0, 2.0, 1.0, 1.0));
        // v1 v2 v3 v4 and s5: 5 visitors over the summer, not 4 + 2; all 5 new in it.
        TrafficRow total = report.total();
        assertThat(total.uniqueVisitors().value()).isEqualTo(5.0);
        assertThat(total.newVisitors().value()).isEqualTo(5.0);
        assertThat(total.returningVisitors().value()).isEqualTo(0.0);
        assertThat(total.sessions().value()).isEqualTo(9.0);
        // Bounces s1 s6 s8 of 8 known; pages 17 + 1 + 2 = 20 over 8; seconds 1085 + 10 + 100 = 1195 over 8.
        assertThat(total.bounceRate().value()).isEqualTo(3.0 / 8);
        assertThat(total.pageviewsPerSession().value()).isEqualTo(2.5);
        assertThat(total.avgSessionDurationSeconds().value()).isEqualTo(1195.0 / 8);
        // c1-c4 for 5 visitors.
        assertThat(total.visitorToContactRate().value()).isEqualTo(0.8);
        assertThat(total.period().label()).isEqualTo("2024-06 – 2024-07");
    }

    @Test
    void newVisitorsOfASourceCameFirstThroughIt() {
        TrafficReport report = run(TrafficQuery.of(JUNE).withGroupBy(Dimension.SOURCE));

        // organic: s1 s2 s6 s7 by v1 v2 v3; new v1 and v3 (first came through organic); v2 first came through
        // paid (s3) and came back through organic: returning here.
        // outbound: no session, one contact (c3): rates over zero visitors are null.
        // paid: s3 s4 s5 by v2, v1 and s5's own visitor; new v2 and s5; v1 returning.
        assertThat(report.rows()).extracting(TrafficRow::source, r -> value(r.sessions()), r -> value(r.uniqueVisitors()),
                r -> value(r.newVisitors()), r -> value(r.returningVisitors()), r -> value(r.contactsCreated()),
                r -> value(r.visitorToContactRate())).containsExactly(
                tuple("organic_search", 4.0, 3.0, 2.0, 1.0, 1.0, 1.0 / 3),
                tuple("outbound", 0.0, 0.0, 0.0, 0.0, 1.0, null),
                tuple("paid_search", 3.0, 3.0, 2.0, 1.0, 1.0, 1.0 / 3));
        // The total is not the sum of the sources: v1 and v2 visited through both.
        assertThat(report.total().uniqueVisitors().value()).isEqualTo(4.0);
        assertThat(report.total().newVisitors().value()).isEqualTo(4.0);
    }

    @Test
    void groupTotalsCountEachVisitorOnceAcrossPeriods() {
        TrafficReport report = run(TrafficQuery.of(SUMMER).withGroupBy(Dimension.SOURCE));

        // organic: June v1 v2 v3 (3), July v3 (1); over the summer v1 v2 v3: 3, not 4.
        assertThat(report.rows()).filteredOn(r -> "organic_search".equals(r.source()))
                .extracting(r -> value(r.uniqueVisitors())).containsExactly(3.0, 1.0);
        assertThat(report.groupTotals()).extracting(TrafficRow::source, r -> value(r.sessions()), r -> value(r.uniqueVisitors()),
                r -> value(r.newVisitors())).containsExactly(
                tuple("direct", 1.0, 1.0, 1.0),
                tuple("organic_search", 5.0, 3.0, 2.0),
                tuple("outbound", 0.0, 0.0, 0.0),
                tuple("paid_search", 3.0, 3.0, 2.0));
        assertThat(report.groupTotals().get(0).period().label()).isEqualTo("2024-06 – 2024-07");
    }

    @Test
    void groupsByChannel() {
        TrafficReport report = run(TrafficQuery.of(JUNE).withGroupBy(Dimension.CHANNEL));

        // inbound: s1-s7 by v1 v2 v3 and s5, contacts c1 c2; outbound: c3 only.
        assertThat(report.rows()).extracting(TrafficRow::channel, r -> value(r.sessions()), r -> value(r.uniqueVisitors()),
                r -> value(r.contactsCreated())).containsExactly(
                tuple("inbound", 7.0, 4.0, 2.0),
                tuple("outbound", 0.0, 0.0, 1.0));
    }

    @Test
    void filtersBySourceAndChannel() {
        // paid only: s3 s4 s5; v2 v1 and s5; new v2 and s5; c2.
        TrafficRow paid = run(TrafficQuery.of(JUNE).withSources("paid_search")).rows().get(0);
        assertThat(List.of(value(paid.sessions()), value(paid.uniqueVisitors()), value(paid.newVisitors()),
                value(paid.contactsCreated()))).containsExactly(3.0, 3.0, 2.0, 1.0);

        // organic and paid together: v1 and v2 visited through both, counted once: v1 v2 v3 and s5.
        TrafficRow both = run(TrafficQuery.of(JUNE).withSources("paid_search", "organic_search")).rows().get(0);
        assertThat(List.of(value(both.sessions()), value(both.uniqueVisitors()), value(both.newVisitors())))
                .containsExactly(7.0, 4.0, 4.0);

        TrafficRow outbound = run(TrafficQuery.of(JUNE).withChannels("outbound")).rows().get(0);
        assertThat(outbound.sessions().value()).isZero();
        assertThat(outbound.contactsCreated().value()).isEqualTo(1.0);
    }

    @Test
    void aFilteredSourceWithoutDataStillHasItsRowsAndNullRates() {
        TrafficReport report = run(TrafficQuery.of(JUNE).withGroupBy(Dimension.SOURCE).withSources("paid_social"));

        TrafficRow row = report.rows().get(0);
        assertThat(row.source()).isEqualTo("paid_social");
        assertThat(row.sessions().value()).isZero();
        assertThat(row.uniqueVisitors().value()).isZero();
        assertThat(row.bounceRate().value()).isNull();
        assertThat(row.pageviewsPerSession().value()).isNull();
        assertThat(row.avgSessionDurationSeconds().value()).isNull();
        assertThat(row.visitorToContactRate().value()).isNull();
    }

    @Test
    void everyPeriodIsReportedAndAnEmptyOneHasNullRates() {
        TrafficReport report = run(TrafficQuery.of(DateRange.of("2024-05-10", "2024-08-10")));

        assertThat(report.rows()).extracting(r -> r.period().label(), r -> value(r.sessions())).containsExactly(
                tuple("2024-05", 0.0), tuple("2024-06", 7.0), tuple("2024-07", 2.0), tuple("2024-08", 0.0));
        TrafficRow may = report.rows().get(0);
        assertThat(may.uniqueVisitors().value()).isZero();
        assertThat(may.returningVisitors().value()).isZero();
        assertThat(may.bounceRate().value()).isNull();
        assertThat(may.pageviewsPerSession().value()).isNull();
        assertThat(may.avgSessionDurationSeconds().value()).isNull();
        assertThat(may.visitorToContactRate().value()).isNull();
    }

    @Test
    void asOfCountsOnlySessionsAndContactsByThen() {
        // By Jun 4 12:00: s1 s2 s3; c1 (Jun 3) and c2 (Jun 4 12:00, at asOf: included).
        TrafficReport report = run(TrafficQuery.of(JUNE).withAsOf(Instant.parse("2024-06-04T12:00:00Z")));

        TrafficRow june = report.rows().get(0);
        assertThat(june.sessions().value()).isEqualTo(3.0);
        assertThat(june.uniqueVisitors().value()).isEqualTo(2.0);
        assertThat(june.newVisitors().value()).isEqualTo(2.0);
        assertThat(june.contactsCreated().value()).isEqualTo(2.0);
        assertThat(june.period().complete()).isFalse();
        assertThat(report.query().asOf()).isEqualTo(Instant.parse("2024-06-04T12:00:00Z"));
    }

    @Test
    void echoesTheDefaultsItAnsweredWith() {
        TrafficQuery answered = run(TrafficQuery.of(JUNE)).query();

        assertThat(answered.timeZone()).isEqualTo(java.time.ZoneId.of("UTC"));
        assertThat(answered.weekStart()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(answered.asOf()).isEqualTo(CLOCK.instant());
    }
}

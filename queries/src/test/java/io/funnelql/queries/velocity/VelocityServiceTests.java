package io.funnelql.queries.velocity;

import static io.funnelql.queries.funnel.Stage.CREATED;
import static io.funnelql.queries.funnel.Stage.MQL;
import static io.funnelql.queries.funnel.Stage.SQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * MQL to SQL velocity on nine hand-built contacts; every percentile is worked out in the comments with
 * linear interpolation between closest ranks: of n sorted values x[0..n-1], the p-th percentile lies at
 * position h = (n - 1) p, and is x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)]).
 */
class VelocityServiceTests {

    /*
     *       source    MQL (UTC)         SQL (UTC)         days
     * m1    organic   Jun 3  00:00      Jun 4  00:00       1
     * m2    organic   Jun 5  00:00      Jun 7  12:00       2.5
     * m3    paid      Jun 10 00:00      Jun 14 00:00       4
     * m4    paid      Jun 20 00:00      Jun 30 00:00      10
     * m5    organic   Jun 25            -                  not an SQL yet
     * m6    organic   Jun 26            Jun 20            -6: out of order
     * m7    paid      -                 Jun 12             skipped MQL: no MQL to SQL time
     * m8    organic   Jul 2             Jul 9              7
     * m9    organic   Jun 28            Jul 15            17 (an MQL of June)
     */
    static final String CONTACTS = """
            contact_id,created_at,source,mql_at,sql_at
            m1,2024-06-01,ORGANIC_SEARCH,2024-06-03 00:00,2024-06-04 00:00
            m2,2024-06-01,ORGANIC_SEARCH,2024-06-05 00:00,2024-06-07 12:00
            m3,2024-06-01,PAID_SEARCH,2024-06-10 00:00,2024-06-14 00:00
            m4,2024-06-01,PAID_SEARCH,2024-06-20 00:00,2024-06-30 00:00
            m5,2024-06-01,ORGANIC_SEARCH,2024-06-25 00:00,
            m6,2024-06-01,ORGANIC_SEARCH,2024-06-26 00:00,2024-06-20 00:00
            m7,2024-06-01,PAID_SEARCH,,2024-06-12 00:00
            m8,2024-06-01,ORGANIC_SEARCH,2024-07-02 00:00,2024-07-09 00:00
            m9,2024-06-01,ORGANIC_SEARCH,2024-06-28 00:00,2024-07-15 00:00
            """;

    static final DateRange SUMMER = DateRange.of("2024-06-01", "2024-07-31");

    static Warehouse warehouse;
    static VelocityService velocity;

    @BeforeAll
    static void load() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.CONTACTS, CONTACTS);
        velocity = new VelocityService(warehouse, ReportSettings.defaults(),
                Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static Double value(Measure measure) {
        return measure.value();
    }

    @Test
    void percentilesInterpolateBetweenTheClosestRanks() {
        VelocityReport report = velocity.run(VelocityQuery.of(SUMMER, MQL, SQL));
        VelocityRow june = report.rows().get(0);

        // June's MQLs that became SQLs in order: m1 m2 m3 m4 m9, days sorted 1, 2.5, 4, 10, 17 (n = 5).
        assertThat(june.contacts().value()).isEqualTo(5.0);
        // Median: h = 4 x 0.5 = 2, x[2] = 4.
        assertThat(june.medianDays().value()).isEqualTo(4.0);
        // p75: h = 4 x 0.75 = 3, x[3] = 10.
        assertThat(june.p75Days().value()).isEqualTo(10.0);
        // p90: h = 4 x 0.9 = 3.6, 10 + 0.6 x (17 - 10) = 14.2.
        assertThat(june.p90Days().value()).isCloseTo(14.2, within(1e-9));
        // m6's SQL is dated before its MQL.
        assertThat(june.outOfOrder().value()).isEqualTo(1.0);

        // July: m8 alone, 7 days: every percentile is 7.
        VelocityRow july = report.rows().get(1);
        assertThat(java.util.List.of(value(july.contacts()), value(july.medianDays()), value(july.p75Days()), value(july.p90Days())))
                .containsExactly(1.0, 7.0, 7.0, 7.0);
    }

    @Test
    void theTotalIsComputedFromAllItsContactsNotFromThePeriods() {
        VelocityRow total = velocity.run(VelocityQuery.of(SUMMER, MQL, SQL)).total();

        // 1, 2.5, 4, 7, 10, 17 (n = 6). Median: h = 2.5, 4 + 0.5 x 3 = 5.5; p75: h = 3.75, 7 + 0.75 x 3 = 9.25;
        // p90: h = 4.5, 10 + 0.5 x 7 = 13.5.
        assertThat(total.contacts().value()).isEqualTo(6.0);
        assertThat(total.medianDays().value()).isCloseTo(5.5, within(1e-9));
        assertThat(total.p75Days().value()).isCloseTo(9.25, within(1e-9));
        assertThat(total.p90Days().value()).isCloseTo(13.5, within(1e-9));
        assertThat(total.outOfOrder().value()).isEqualTo(1.0);
    }

    @Test
    void groupsBySourceWithGroupTotals() {
        VelocityReport report = velocity.run(VelocityQuery.of(DateRange.of("2024-06-01", "2024-06-30"), MQL, SQL)
                .withGroupBy(Dimension.SOURCE));

        // organic: 1, 2.5, 17. Median x[1] = 2.5; p75: h = 1.5, 2.5 + 0.5 x 14.5 = 9.75; p90: h = 1.8, 2.5 + 0.8 x 14.5 = 14.1.
        // paid: 4, 10. Median h = 0.5: 7; p75: h = 0.75, 4 + 0.75 x 6 = 8.5; p90: h = 0.9, 4 + 0.9 x 6 = 9.4.
        assertThat(report.rows()).extracting(VelocityRow::source, r -> value(r.contacts()), r -> value(r.medianDays()),
                r -> value(r.outOfOrder())).containsExactly(
                tuple("organic_search", 3.0, 2.5, 1.0),
                tuple("paid_search", 2.0, 7.0, 0.0));
        assertThat(report.rows().get(0).p75Days().value()).isCloseTo(9.75, within(1e-9));
        assertThat(report.rows().get(0).p90Days().value()).isCloseTo(14.1, within(1e-9));
        assertThat(report.rows().get(1).p75Days().value()).isCloseTo(8.5, within(1e-9));
        assertThat(report.rows().get(1).p90Days().value()).isCloseTo(9.4, within(1e-9));
        assertThat(report.groupTotals()).extracting(VelocityRow::source, r -> value(r.contacts()))
                .containsExactly(tuple("organic_search", 3.0), tuple("paid_search", 2.0));
        // All five together: 1, 2.5, 4, 10, 17, as in June without grouping.
        assertThat(report.total().medianDays().value()).isEqualTo(4.0);
    }

    @Test
    void aPeriodWithoutContactsHasNoPercentiles() {
        VelocityRow may = velocity.run(VelocityQuery.of(DateRange.of("2024-05-01", "2024-05-31"), MQL, SQL)).rows().get(0);

        assertThat(may.contacts().value()).isZero();
        assertThat(may.medianDays().value()).isNull();
        assertThat(may.p75Days().value()).isNull();
        assertThat(may.p90Days().value()).isNull();
        assertThat(may.outOfOrder().value()).isZero();
    }

    @Test
    void asOfCountsOnlyContactsThatReachedTheLaterStageByThen() {
        VelocityRow june = velocity.run(VelocityQuery.of(DateRange.of("2024-06-01", "2024-06-30"), MQL, SQL)
                .withAsOf(Instant.parse("2024-07-01T00:00:00Z"))).rows().get(0);

        // m9's SQL (Jul 15) comes after asOf: 1, 2.5, 4, 10. Median: h = 1.5, 2.5 + 0.5 x 1.5 = 3.25.
        assertThat(june.contacts().value()).isEqualTo(4.0);
        assertThat(june.medianDays().value()).isCloseTo(3.25, within(1e-9));
    }

    @Test
    void measuresFromCreationToo() {
        VelocityRow june = velocity.run(VelocityQuery.of(DateRange.of("2024-06-01", "2024-06-30"), CREATED, SQL)).rows().get(0);

        // Created Jun 1; SQLs m1 (Jun 4: 3 days), m2 (6.5), m3 (13), m4 (29), m6 (19), m7 (11), m9 (44), m8 (38):
        // 3, 6.5, 11, 13, 19, 29, 38, 44 (n = 8). Median: h = 3.5, 13 + 0.5 x 6 = 16.
        assertThat(june.contacts().value()).isEqualTo(8.0);
        assertThat(june.medianDays().value()).isCloseTo(16.0, within(1e-9));
        assertThat(june.outOfOrder().value()).isZero();
    }

    @Test
    void comparesWithThePreviousPeriod() {
        VelocityRow july = velocity.run(VelocityQuery.of(DateRange.of("2024-07-01", "2024-07-31"), MQL, SQL)
                .withCompare(Compare.PREVIOUS_PERIOD)).rows().get(0);

        // July's median 7 against June's 4: +3, +75%.
        assertThat(july.medianDays()).isEqualTo(new Measure(7.0, 4.0, true));
        assertThat(july.medianDays().changeRate()).hasValue(0.75);
        assertThat(july.contacts()).isEqualTo(new Measure(1.0, 5.0, true));
    }

    @Test
    void placesEntriesInTheReportTimeZonesDays() {
        // MQLs at midnight UTC are the evening before in New York (UTC-4): m1's Jun 3 is Sunday Jun 2, in the
        // Monday week of May 27; m3's Jun 10 is Jun 9, in the week of Jun 3.
        VelocityReport report = velocity.run(VelocityQuery.of(DateRange.of("2024-05-27", "2024-06-09"), MQL, SQL)
                .withGrain(io.funnelql.queries.report.Grain.WEEK).withTimeZone(ZoneId.of("America/New_York")));

        // Week of May 27: m1 (1 day). Week of Jun 3: m2 (2.5) and m3 (4), median 3.25. In UTC, m1 and m2 would
        // be in the week of Jun 3 and m3 in the week of Jun 10.
        assertThat(report.rows()).extracting(r -> r.period().label(), r -> value(r.contacts()), r -> value(r.medianDays()))
                .containsExactly(tuple("2024-05-27", 1.0, 1.0), tuple("2024-06-03", 2.0, 3.25));
    }
}

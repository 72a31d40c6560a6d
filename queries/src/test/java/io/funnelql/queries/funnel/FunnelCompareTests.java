package io.funnelql.queries.funnel;

import static io.funnelql.queries.funnel.Stage.CREATED;
import static io.funnelql.queries.funnel.Stage.MQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

/** Comparison with the previous period and the previous year; expected values worked out by hand. */
class FunnelCompareTests {

    /*
     * Week of Mon 2024-06-03: w1 (Wed Jun 5, MQL), w2 (Thu Jun 6)           -> 2 created, 1 MQL
     * 52 weeks earlier, week of Mon 2023-06-05: p1 (Wed Jun 7, MQL)        -> 1 created, 1 MQL
     * Sat 2023-06-03 lies a calendar year before 2024-06-03's week but not 52 weeks before: not compared.
     * Months: May 2024 m1, m2; June 2024 w1, w2; July 2024 j1, j2, j3.
     */
    static final String CONTACTS = """
            contact_id,created_at,source,mql_at
            w1,2024-06-05,PAID_SEARCH,2024-06-07
            w2,2024-06-06,ORGANIC_SEARCH,
            p1,2023-06-07,PAID_SEARCH,2023-06-08
            x1,2023-06-03,PAID_SEARCH,
            m1,2024-05-10,PAID_SEARCH,
            m2,2024-05-20,PAID_SEARCH,
            j1,2024-07-01,PAID_SEARCH,
            j2,2024-07-02,PAID_SEARCH,
            j3,2024-07-03,ORGANIC_SEARCH,
            """;

    static Warehouse warehouse;
    static FunnelService funnels;

    @BeforeAll
    static void load() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.CONTACTS, CONTACTS);
        funnels = new FunnelService(warehouse, ReportSettings.defaults(), Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void previousYearOnWeeklyGrainLooks52WeeksBack() {
        FunnelReport report = funnels.run(FunnelQuery.of(DateRange.of("2024-06-03", "2024-06-09")).withGrain(Grain.WEEK)
                .withStages(CREATED, MQL).withCompare(Compare.PREVIOUS_YEAR));

        FunnelStep created = report.rows().get(0).step(CREATED);
        assertThat(created.count()).isEqualTo(2);
        assertThat(created.previous()).isEqualTo(1L);
        assertThat(created.change()).hasValue(1L);
        assertThat(created.changeRate()).hasValue(1.0);
        FunnelStep mql = report.rows().get(0).step(MQL);
        assertThat(mql.count()).isEqualTo(1);
        assertThat(mql.previous()).isEqualTo(1L);
        assertThat(mql.change()).hasValue(0L);
        assertThat(mql.changeRate()).hasValue(0.0);
    }

    @Test
    void previousPeriodComparesEachPeriodWithTheOneAsFarBefore() {
        FunnelReport report = funnels.run(FunnelQuery.of(DateRange.of("2024-06-01", "2024-07-31"))
                .withStages(CREATED).withCompare(Compare.PREVIOUS_PERIOD));

        // June (2) against April (0); July (3) against May (2).
        assertThat(report.rows()).extracting(r -> r.period().label(), r -> r.step(CREATED).count(),
                r -> r.step(CREATED).previous(), r -> r.step(CREATED).change().orElseThrow(),
                r -> r.step(CREATED).changeRate().isPresent() ? Optional.of(r.step(CREATED).changeRate().getAsDouble()) : Optional.empty())
                .containsExactly(tuple("2024-06", 2L, 0L, 2L, Optional.empty()), tuple("2024-07", 3L, 2L, 1L, Optional.of(0.5)));
        // Totals: 5 against 2.
        assertThat(report.totals().get(0).previous()).isEqualTo(2L);
        assertThat(report.totals().get(0).changeRate()).hasValue(1.5);
    }

    @Test
    void comparesGroupsWithTheSameGroup() {
        FunnelReport report = funnels.run(FunnelQuery.of(DateRange.of("2024-07-01", "2024-07-31"))
                .withStages(CREATED).withGroupBy(Dimension.SOURCE).withCompare(Compare.PREVIOUS_PERIOD));

        // July: organic 1, paid 2; June: organic 1 (w2), paid 1 (w1).
        assertThat(report.rows()).extracting(FunnelRow::source, r -> r.step(CREATED).count(), r -> r.step(CREATED).previous())
                .containsExactly(tuple("organic_search", 1L, 1L), tuple("paid_search", 2L, 1L));
    }

    @Test
    void withoutComparisonThereIsNoPreviousValue() {
        FunnelStep step = funnels.run(FunnelQuery.of(DateRange.of("2024-07-01", "2024-07-31")).withStages(CREATED)).totals().get(0);

        assertThat(step.previous()).isNull();
        assertThat(step.change()).isEmpty();
        assertThat(step.changeRate()).isEmpty();
    }
}

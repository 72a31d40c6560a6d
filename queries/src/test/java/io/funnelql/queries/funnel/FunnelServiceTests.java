package io.funnelql.queries.funnel;

import static io.funnelql.queries.funnel.Stage.CREATED;
import static io.funnelql.queries.funnel.Stage.CUSTOMER;
import static io.funnelql.queries.funnel.Stage.LEAD;
import static io.funnelql.queries.funnel.Stage.MQL;
import static io.funnelql.queries.funnel.Stage.OPPORTUNITY;
import static io.funnelql.queries.funnel.Stage.SQL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * The funnel semantics of DESIGN.md on five hand-built contacts. Expected counts are worked out in the
 * comments beside each test.
 */
class FunnelServiceTests {

    /*
     * a1  created Jun 3,  organic_search: lead Jun 3, MQL Aug 10                 (created in June, MQL in August)
     * a2  created Jun 10, paid_search:    lead Jun 10, MQL Jun 12, SQL Jun 20, opportunity Jul 1, customer Sep 15
     * a3  created Jun 20, outbound:       SQL Jun 25 only                        (skips LEAD and MQL)
     * a4  created Jul 5,  organic_search: lead Jul 5
     * a5  created Aug 1,  paid_search:    lead Aug 1, MQL Aug 2
     */
    static final String CONTACTS = """
            contact_id,created_at,source,lead_at,mql_at,sql_at,opportunity_at,customer_at
            a1,2024-06-03,ORGANIC_SEARCH,2024-06-03,2024-08-10,,,
            a2,2024-06-10,PAID_SEARCH,2024-06-10,2024-06-12,2024-06-20,2024-07-01,2024-09-15
            a3,2024-06-20,outbound,,,2024-06-25,,
            a4,2024-07-05,ORGANIC_SEARCH,2024-07-05,,,,
            a5,2024-08-01,PAID_SEARCH,2024-08-01,2024-08-02,,,
            """;
    static final Stage[] STAGES = {CREATED, LEAD, MQL, SQL, OPPORTUNITY, CUSTOMER};
    static final DateRange SUMMER = DateRange.of("2024-06-01", "2024-08-31");

    Warehouse warehouse;
    FunnelService funnels;

    @BeforeEach
    void load() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.CONTACTS, CONTACTS);
        funnels = new FunnelService(warehouse, ReportSettings.defaults(),
                Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    FunnelReport run(FunnelQuery query) {
        return funnels.run(query);
    }

    static List<Long> counts(FunnelRow row) {
        return row.steps().stream().map(FunnelStep::count).toList();
    }

    @Test
    void createdCohortCountsEachContactInItsCreationMonthCumulatively() {
        FunnelReport report = run(FunnelQuery.of(SUMMER).withStages(STAGES));

        // June: a1, a2, a3 created; a3 reached SQL so it counts as a lead and an MQL too; a1's August MQL counts in June.
        assertThat(report.rows()).extracting(r -> r.period().label(), FunnelServiceTests::counts).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2024-06", List.of(3L, 3L, 3L, 2L, 1L, 1L)),
                org.assertj.core.groups.Tuple.tuple("2024-07", List.of(1L, 1L, 0L, 0L, 0L, 0L)),
                org.assertj.core.groups.Tuple.tuple("2024-08", List.of(1L, 1L, 1L, 0L, 0L, 0L)));
        assertThat(report.totals()).extracting(FunnelStep::count).containsExactly(5L, 5L, 4L, 2L, 1L, 1L);
    }

    @Test
    void countsMqlInCreationMonthUnderCreatedCohortAndInEntryMonthUnderEntered() {
        FunnelQuery onlyA1 = FunnelQuery.of(SUMMER).withStages(CREATED, MQL).withSources("organic_search");

        FunnelReport created = run(onlyA1);
        FunnelReport entered = run(onlyA1.withCohort(CohortMode.ENTERED));

        // a1 (created June 3, MQL August 10) and a4 (created July 5, never an MQL).
        assertThat(created.rows()).extracting(r -> r.count(MQL)).containsExactly(1L, 0L, 0L);
        assertThat(entered.rows()).extracting(r -> r.count(MQL)).containsExactly(0L, 0L, 1L);
    }

    @Test
    void enteredCohortCountsEachStageInThePeriodItWasEntered() {
        FunnelReport report = run(FunnelQuery.of(SUMMER).withStages(STAGES).withCohort(CohortMode.ENTERED));

        // June: created a1 a2 a3; lead a1 a2 and a3 (at its SQL date, Jun 25); MQL a2 and a3; SQL a2 a3.
        // July: created a4; lead a4; opportunity a2.   August: created a5; lead a5; MQL a1 and a5.
        // a2's customer date (Sep 15) is outside the range.
        assertThat(report.rows()).extracting(FunnelServiceTests::counts).containsExactly(
                List.of(3L, 3L, 2L, 2L, 0L, 0L),
                List.of(1L, 1L, 0L, 0L, 1L, 0L),
                List.of(1L, 1L, 2L, 0L, 0L, 0L));
    }

    @Test
    void skippedStagesCountOnlyCumulatively() {
        FunnelQuery query = FunnelQuery.of(DateRange.of("2024-06-01", "2024-06-30")).withStages(CREATED, LEAD, MQL, SQL);

        // a3 skipped LEAD and MQL: counted there only when cumulative.
        assertThat(counts(run(query).rows().get(0))).containsExactly(3L, 3L, 3L, 2L);
        assertThat(counts(run(query.withCumulative(false)).rows().get(0))).containsExactly(3L, 2L, 2L, 2L);
        // Under ENTERED, a skipped stage counts at the date of the next stage entered (a3's SQL on Jun 25).
        FunnelQuery entered = query.withCohort(CohortMode.ENTERED);
        assertThat(counts(run(entered).rows().get(0))).containsExactly(3L, 3L, 2L, 2L);
        assertThat(counts(run(entered.withCumulative(false)).rows().get(0))).containsExactly(3L, 2L, 1L, 2L);
    }

    @Test
    void ratesAreFractionsOfThePreviousAndFirstSelectedStage() {
        FunnelRow june = run(FunnelQuery.of(SUMMER).withStages(STAGES)).rows().get(0);

        // June: 3, 3, 3, 2, 1, 1
        assertThat(june.step(CREATED).stepRate()).isEmpty();
        assertThat(june.step(CREATED).overallRate()).hasValue(1.0);
        assertThat(june.step(SQL).stepRate()).hasValue(2.0 / 3);
        assertThat(june.step(OPPORTUNITY).stepRate()).hasValue(0.5);
        assertThat(june.step(CUSTOMER).stepRate()).hasValue(1.0);
        assertThat(june.step(CUSTOMER).overallRate()).hasValue(1.0 / 3);
    }

    @Test
    void aZeroDenominatorGivesNoRateNotZero() {
        FunnelReport report = run(FunnelQuery.of(SUMMER).withStages(CREATED, MQL, SQL));
        FunnelRow july = report.rows().get(1);

        // July: created 1 (a4), MQL 0, SQL 0.
        assertThat(july.step(MQL).stepRate()).hasValue(0.0);
        assertThat(july.step(SQL).stepRate()).isEmpty();
        assertThat(july.step(SQL).overallRate()).hasValue(0.0);

        FunnelRow empty = run(FunnelQuery.of(DateRange.of("2023-01-01", "2023-01-31")).withStages(CREATED, MQL)).rows().get(0);
        assertThat(empty.step(CREATED).overallRate()).isEmpty();
        assertThat(empty.step(MQL).stepRate()).isEmpty();
        assertThat(empty.step(MQL).overallRate()).isEmpty();
    }

    @Test
    void anySubsetOfStagesInFunnelOrder() {
        FunnelRow june = run(FunnelQuery.of(SUMMER).withStages(CREATED, MQL, CUSTOMER)).rows().get(0);

        assertThat(counts(june)).containsExactly(3L, 3L, 1L);
        assertThat(june.step(CUSTOMER).stepRate()).hasValue(1.0 / 3);
    }

    @Test
    void everyPeriodOfTheRangeIsReportedWithZeros() {
        FunnelReport report = run(FunnelQuery.of(DateRange.of("2024-05-15", "2024-09-10")).withStages(CREATED));

        assertThat(report.rows()).extracting(r -> r.period().label(), r -> r.count(CREATED)).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2024-05", 0L),
                org.assertj.core.groups.Tuple.tuple("2024-06", 3L),
                org.assertj.core.groups.Tuple.tuple("2024-07", 1L),
                org.assertj.core.groups.Tuple.tuple("2024-08", 1L),
                org.assertj.core.groups.Tuple.tuple("2024-09", 0L));
    }

    @Test
    void groupsBySourceWithEveryGroupInEveryPeriod() {
        FunnelReport report = run(FunnelQuery.of(SUMMER).withStages(CREATED, MQL, SQL).withGroupBy(Dimension.SOURCE));

        assertThat(report.rows()).extracting(r -> r.period().label(), FunnelRow::source, FunnelServiceTests::counts).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2024-06", "organic_search", List.of(1L, 1L, 0L)),
                org.assertj.core.groups.Tuple.tuple("2024-06", "outbound", List.of(1L, 1L, 1L)),
                org.assertj.core.groups.Tuple.tuple("2024-06", "paid_search", List.of(1L, 1L, 1L)),
                org.assertj.core.groups.Tuple.tuple("2024-07", "organic_search", List.of(1L, 0L, 0L)),
                org.assertj.core.groups.Tuple.tuple("2024-07", "outbound", List.of(0L, 0L, 0L)),
                org.assertj.core.groups.Tuple.tuple("2024-07", "paid_search", List.of(0L, 0L, 0L)),
                org.assertj.core.groups.Tuple.tuple("2024-08", "organic_search", List.of(0L, 0L, 0L)),
                org.assertj.core.groups.Tuple.tuple("2024-08", "outbound", List.of(0L, 0L, 0L)),
                org.assertj.core.groups.Tuple.tuple("2024-08", "paid_search", List.of(1L, 1L, 0L)));
        assertThat(report.groupTotals()).extracting(FunnelRow::source, FunnelServiceTests::counts).containsExactly(
                org.assertj.core.groups.Tuple.tuple("organic_search", List.of(2L, 1L, 0L)),
                org.assertj.core.groups.Tuple.tuple("outbound", List.of(1L, 1L, 1L)),
                org.assertj.core.groups.Tuple.tuple("paid_search", List.of(2L, 2L, 1L)));
        assertThat(report.totals()).extracting(FunnelStep::count).containsExactly(5L, 4L, 2L);
    }

    @Test
    void groupsByChannel() {
        FunnelReport report = run(FunnelQuery.of(DateRange.of("2024-06-01", "2024-06-30")).withStages(CREATED, SQL)
                .withGroupBy(Dimension.CHANNEL));

        assertThat(report.rows()).extracting(FunnelRow::channel, FunnelServiceTests::counts).containsExactly(
                org.assertj.core.groups.Tuple.tuple("inbound", List.of(2L, 1L)),
                org.assertj.core.groups.Tuple.tuple("outbound", List.of(1L, 1L)));
    }

    @Test
    void filtersBySourceAndChannel() {
        FunnelQuery query = FunnelQuery.of(SUMMER).withStages(CREATED, MQL);

        assertThat(run(query.withSources("paid_search")).rows()).extracting(FunnelServiceTests::counts)
                .containsExactly(List.of(1L, 1L), List.of(0L, 0L), List.of(1L, 1L));
        assertThat(run(query.withChannels("outbound")).rows()).extracting(FunnelServiceTests::counts)
                .containsExactly(List.of(1L, 1L), List.of(0L, 0L), List.of(0L, 0L));
        assertThat(run(query.withSources("paid_search", "organic_search").withChannels("outbound")).totals())
                .extracting(FunnelStep::count).containsExactly(0L, 0L);
    }

    @Test
    void aFilteredSourceWithNoContactsStillHasItsRows() {
        FunnelReport report = run(FunnelQuery.of(SUMMER).withStages(CREATED).withGroupBy(Dimension.SOURCE)
                .withSources("paid_social", "paid_search"));

        assertThat(report.rows()).extracting(r -> r.period().label(), FunnelRow::source, r -> r.count(CREATED)).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2024-06", "paid_search", 1L),
                org.assertj.core.groups.Tuple.tuple("2024-06", "paid_social", 0L),
                org.assertj.core.groups.Tuple.tuple("2024-07", "paid_search", 0L),
                org.assertj.core.groups.Tuple.tuple("2024-07", "paid_social", 0L),
                org.assertj.core.groups.Tuple.tuple("2024-08", "paid_search", 1L),
                org.assertj.core.groups.Tuple.tuple("2024-08", "paid_social", 0L));
    }

    @Test
    void asOfCountsOnlyWhatHadHappenedByThen() {
        Instant asOf = Instant.parse("2024-07-31T12:00:00Z");

        FunnelReport report = run(FunnelQuery.of(SUMMER).withStages(STAGES).withAsOf(asOf));

        // a1's MQL (Aug 10), a2's customer date (Sep 15) and a5 (created Aug 1) lie after asOf.
        assertThat(report.rows()).extracting(FunnelServiceTests::counts).containsExactly(
                List.of(3L, 3L, 2L, 2L, 1L, 0L),
                List.of(1L, 1L, 0L, 0L, 0L, 0L),
                List.of(0L, 0L, 0L, 0L, 0L, 0L));
        assertThat(report.rows()).extracting(r -> r.period().complete()).containsExactly(true, false, false);
        assertThat(report.query().asOf()).isEqualTo(asOf);
    }

    @Test
    void asOfBeforeAStageEntryUnderEnteredCohort() {
        FunnelReport report = run(FunnelQuery.of(SUMMER).withStages(CREATED, MQL).withCohort(CohortMode.ENTERED)
                .withAsOf(Instant.parse("2024-08-05T00:00:00Z")));

        // MQLs: a2 and a3 in June; a5 on Aug 2; a1's Aug 10 is after asOf.
        assertThat(report.rows()).extracting(r -> r.count(MQL)).containsExactly(2L, 0L, 1L);
    }

    @Test
    void withinDaysCountsOnlyStagesReachedInTheWindowAfterCreation() {
        FunnelReport report = run(FunnelQuery.of(DateRange.of("2024-06-01", "2024-06-30")).withStages(STAGES).withWithinDays(30));

        // a1's MQL came 68 days after creation, a2's customer date 97 days: both outside 30 days.
        assertThat(counts(report.rows().get(0))).containsExactly(3L, 3L, 2L, 2L, 1L, 0L);
    }

    @Test
    void withinDaysOverCreatedAloneCountsTheCreatedContacts() {
        FunnelReport report = run(FunnelQuery.of(DateRange.of("2024-06-01", "2024-06-30")).withStages(CREATED).withWithinDays(1));

        // No stage but creation, so the window changes nothing: a1, a2 and a3 were created in June.
        assertThat(counts(report.rows().get(0))).containsExactly(3L);
    }

    @Test
    void aPeriodWhoseWindowHasNotClosedIsIncomplete() {
        FunnelReport report = run(FunnelQuery.of(DateRange.of("2024-06-01", "2024-07-31")).withStages(CREATED, MQL)
                .withWithinDays(30).withAsOf(Instant.parse("2024-08-15T00:00:00Z")));

        assertThat(report.rows()).extracting(r -> r.period().complete()).containsExactly(true, false);
    }
}

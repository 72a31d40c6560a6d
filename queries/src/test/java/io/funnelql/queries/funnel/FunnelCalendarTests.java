package io.funnelql.queries.funnel;

import static io.funnelql.queries.funnel.Stage.CREATED;
import static io.funnelql.queries.funnel.Stage.MQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** Week start, report time zone and fiscal year on funnel reports; expected counts worked out by hand. */
class FunnelCalendarTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults());

    @AfterEach
    void close() {
        warehouse.close();
    }

    FunnelService service(ReportSettings settings, String contacts) {
        Fixtures.load(warehouse, Dataset.CONTACTS, contacts);
        return new FunnelService(warehouse, settings, CLOCK);
    }

    @Test
    void aSundayBelongsToTheWeekItStartsUnderSundayWeeksAndToThePreviousWeekUnderMonday() {
        // 2024-06-02 is a Sunday; 2024-06-05 a Wednesday.
        FunnelService funnels = service(ReportSettings.defaults(), """
                contact_id,created_at
                sun,2024-06-02 10:00
                wed,2024-06-05 10:00
                """);
        FunnelQuery query = FunnelQuery.of(DateRange.of("2024-06-02", "2024-06-08")).withGrain(Grain.WEEK).withStages(CREATED);

        FunnelReport monday = funnels.run(query);
        FunnelReport sunday = funnels.run(query.withWeekStart(DayOfWeek.SUNDAY));

        // Monday weeks: Jun 2 lies in the week of May 27, Jun 5 in the week of Jun 3.
        assertThat(monday.rows()).extracting(r -> r.period().label(), r -> r.count(CREATED))
                .containsExactly(tuple("2024-05-27", 1L), tuple("2024-06-03", 1L));
        // Sunday weeks: both lie in the week of Jun 2 (Jun 2 - Jun 8).
        assertThat(sunday.rows()).extracting(r -> r.period().label(), r -> r.count(CREATED))
                .containsExactly(tuple("2024-06-02", 2L));
        assertThat(sunday.rows().get(0).period().end()).hasToString("2024-06-08");
    }

    @Test
    void theConfiguredWeekStartIsTheDefault() {
        ReportSettings sundayWeeks = new ReportSettings(ZoneId.of("UTC"), DayOfWeek.SUNDAY, 1, 1000, 100_000);
        FunnelService funnels = service(sundayWeeks, "contact_id,created_at\nsun,2024-06-02 10:00\n");

        FunnelReport report = funnels.run(FunnelQuery.of(DateRange.of("2024-06-02", "2024-06-02")).withGrain(Grain.WEEK)
                .withStages(CREATED));

        assertThat(report.rows()).extracting(r -> r.period().start().toString()).containsExactly("2024-06-02");
        assertThat(report.query().weekStart()).isEqualTo(DayOfWeek.SUNDAY);
    }

    @Test
    void aTimestampNearMidnightUtcFallsOnTheLocalDayOfTheReportTimeZone() {
        // 02:00 UTC on July 1 is 22:00 on June 30 in New York; 22:30 UTC on June 30 is 00:30 on July 1 in Berlin.
        FunnelService funnels = service(ReportSettings.defaults(), """
                contact_id,created_at,mql_at
                ny,2024-07-01T02:00:00Z,2024-07-01T02:30:00Z
                berlin,2024-06-30T22:30:00Z,
                """);
        FunnelQuery query = FunnelQuery.of(DateRange.of("2024-06-01", "2024-07-31")).withStages(CREATED, MQL);

        FunnelReport utc = funnels.run(query);
        FunnelReport newYork = funnels.run(query.withTimeZone(ZoneId.of("America/New_York")));
        FunnelReport berlin = funnels.run(query.withTimeZone(ZoneId.of("Europe/Berlin")));
        FunnelReport entered = funnels.run(query.withCohort(CohortMode.ENTERED).withTimeZone(ZoneId.of("America/New_York")));

        assertThat(utc.rows()).extracting(r -> r.count(CREATED)).containsExactly(1L, 1L);
        assertThat(newYork.rows()).extracting(r -> r.count(CREATED)).containsExactly(2L, 0L);
        assertThat(berlin.rows()).extracting(r -> r.count(CREATED)).containsExactly(0L, 2L);
        assertThat(entered.rows()).extracting(r -> r.count(MQL)).containsExactly(1L, 0L);
    }

    @Test
    void daysAcrossADaylightSavingChangeUseTheOffsetInForceAtEachInstant() {
        // New York moves from UTC-5 to UTC-4 at 2024-03-10 07:00 UTC.
        FunnelService funnels = service(ReportSettings.defaults(), """
                contact_id,created_at
                before,2024-03-10T04:30:00Z
                after,2024-03-11T03:30:00Z
                next,2024-03-11T04:30:00Z
                """);

        FunnelReport report = funnels.run(FunnelQuery.of(DateRange.of("2024-03-09", "2024-03-11")).withGrain(Grain.DAY)
                .withStages(CREATED).withTimeZone(ZoneId.of("America/New_York")));

        // 04:30Z is 23:30 EST on Mar 9; 03:30Z next day is 23:30 EDT on Mar 10; 04:30Z is 00:30 EDT on Mar 11.
        assertThat(report.rows()).extracting(r -> r.period().label(), r -> r.count(CREATED))
                .containsExactly(tuple("2024-03-09", 1L), tuple("2024-03-10", 1L), tuple("2024-03-11", 1L));
    }

    @Test
    void theRangeEndsAtMidnightOfTheLastDayInTheReportTimeZone() {
        // 03:00 UTC on July 1 is still June 30 in New York (EDT, UTC-4): inside a range ending June 30 there.
        FunnelService funnels = service(ReportSettings.defaults(), "contact_id,created_at\nlate,2024-07-01T03:00:00Z\n");
        FunnelQuery query = FunnelQuery.of(DateRange.of("2024-06-30", "2024-06-30")).withGrain(Grain.DAY).withStages(CREATED);

        assertThat(funnels.run(query).total(CREATED)).isEqualTo(0);
        assertThat(funnels.run(query.withTimeZone(ZoneId.of("America/New_York"))).total(CREATED)).isEqualTo(1);
    }

    @Test
    void quartersFollowAFiscalYearStartingInFebruary() {
        ReportSettings february = new ReportSettings(ZoneId.of("UTC"), DayOfWeek.MONDAY, 2, 1000, 100_000);
        FunnelService funnels = service(february, """
                contact_id,created_at
                jan,2024-01-15
                feb,2024-02-10
                apr,2024-04-30
                may,2024-05-01
                """);

        FunnelReport quarters = funnels.run(FunnelQuery.of(DateRange.of("2024-01-01", "2024-05-31"))
                .withGrain(Grain.QUARTER).withStages(CREATED));
        FunnelReport years = funnels.run(FunnelQuery.of(DateRange.of("2024-01-01", "2024-05-31"))
                .withGrain(Grain.YEAR).withStages(CREATED));

        // Nov-Jan is the last quarter of FY2024; Feb-Apr the first of FY2025; May-Jul the second.
        assertThat(quarters.rows()).extracting(r -> r.period().label(), r -> r.period().start().toString(), r -> r.count(CREATED))
                .containsExactly(tuple("FY2024-Q4", "2023-11-01", 1L), tuple("FY2025-Q1", "2024-02-01", 2L),
                        tuple("FY2025-Q2", "2024-05-01", 1L));
        assertThat(years.rows()).extracting(r -> r.period().label(), r -> r.count(CREATED))
                .containsExactly(tuple("FY2024", 1L), tuple("FY2025", 3L));
    }

    @Test
    void workspaceTimeZoneReadsBareDatesAtLocalMidnight() {
        warehouse.close();
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults().withTimeZone(ZoneId.of("America/Los_Angeles")));
        ReportSettings losAngeles = new ReportSettings(ZoneId.of("America/Los_Angeles"), DayOfWeek.MONDAY, 1, 1000, 100_000);
        // "2024-07-01" is midnight in Los Angeles (07:00 UTC): July locally, and July in UTC as well.
        // "2024-06-30 20:00" is June 30 locally, but July 1 03:00 in UTC.
        FunnelService funnels = service(losAngeles, """
                contact_id,created_at
                midnight,2024-07-01
                evening,2024-06-30 20:00
                """);
        FunnelQuery query = FunnelQuery.of(DateRange.of("2024-06-01", "2024-07-31")).withStages(CREATED);

        assertThat(funnels.run(query).rows()).extracting(r -> r.count(CREATED)).containsExactly(1L, 1L);
        assertThat(funnels.run(query.withTimeZone(ZoneId.of("UTC"))).rows()).extracting(r -> r.count(CREATED))
                .containsExactly(0L, 2L);
    }
}

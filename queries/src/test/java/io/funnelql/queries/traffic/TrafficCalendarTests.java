package io.funnelql.queries.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.DayOfWeek;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** Weeks from Sunday or Monday and days in the report time zone; expected values worked out by hand. */
class TrafficCalendarTests {

    static Double value(io.funnelql.queries.report.Measure measure) {
        return measure.value();
    }

    static TrafficReport run(Warehouse warehouse, ZoneId workspaceZone, TrafficQuery query) {
        ReportSettings settings = new ReportSettings(workspaceZone, DayOfWeek.MONDAY, 1, 1000, 100_000);
        TrafficReport report = new TrafficService(warehouse, settings, TrafficServiceTests.CLOCK).run(query);
        assertThat(TrafficService.withoutRollups(warehouse, settings, TrafficServiceTests.CLOCK).run(query)).isEqualTo(report);
        return report;
    }

    @Test
    void weeksFromMondayOrSundayGroupTheSameSessionsDifferently() {
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults())) {
            Fixtures.load(warehouse, Dataset.SESSIONS, TrafficServiceTests.SESSIONS);
            TrafficQuery query = TrafficQuery.of(DateRange.of("2024-06-01", "2024-06-16")).withGrain(Grain.WEEK);

            // Monday weeks: May 27 holds s1 (Sun Jun 2); Jun 3 holds s2-s5 (v1 back, v2 and s5 new);
            // Jun 10 holds s6 (v2 back) and s7 (v3 new).
            TrafficReport monday = run(warehouse, ZoneId.of("UTC"), query.withWeekStart(DayOfWeek.MONDAY));
            assertThat(monday.rows()).extracting(r -> r.period().label(), r -> value(r.sessions()), r -> value(r.uniqueVisitors()),
                    r -> value(r.newVisitors()), r -> value(r.returningVisitors()), r -> value(r.bounceRate())).containsExactly(
                    tuple("2024-05-27", 1.0, 1.0, 1.0, 0.0, 1.0),
                    tuple("2024-06-03", 4.0, 3.0, 2.0, 1.0, 0.0),
                    tuple("2024-06-10", 2.0, 2.0, 1.0, 1.0, 0.5));

            // Sunday weeks: May 26 - Jun 1 is empty (rates null); Jun 2 holds s1-s5 (v1 v2 and s5, all new;
            // bounce known for s1-s4, s1 bounced: 1/4); Jun 9 holds s6 s7; Jun 16 is empty.
            TrafficReport sunday = run(warehouse, ZoneId.of("UTC"), query.withWeekStart(DayOfWeek.SUNDAY));
            assertThat(sunday.rows()).extracting(r -> r.period().label(), r -> value(r.sessions()), r -> value(r.uniqueVisitors()),
                    r -> value(r.newVisitors()), r -> value(r.returningVisitors()), r -> value(r.bounceRate())).containsExactly(
                    tuple("2024-05-26", 0.0, 0.0, 0.0, 0.0, null),
                    tuple("2024-06-02", 5.0, 3.0, 3.0, 0.0, 0.25),
                    tuple("2024-06-09", 2.0, 2.0, 1.0, 1.0, 0.5),
                    tuple("2024-06-16", 0.0, 0.0, 0.0, 0.0, null));
            assertThat(sunday.query().weekStart()).isEqualTo(DayOfWeek.SUNDAY);

            // Either way the range holds s1-s7 by v1 v2 v3 and s5: 4 visitors, each counted once.
            assertThat(monday.total().uniqueVisitors().value()).isEqualTo(4.0);
            assertThat(sunday.total().uniqueVisitors().value()).isEqualTo(4.0);
        }
    }

    /*
     *       instant (UTC)         in New York (UTC-4)   visitor
     * z2    Jun 30 23:30          Jun 30 19:30          zv1
     * z1    Jul 1  02:30          Jun 30 22:30          zv1
     * z3    Jul 1  05:00          Jul 1  01:00          zv2
     * zc1   Jul 1  03:00 (contact) Jun 30 23:00
     */
    static final String NEAR_MIDNIGHT = """
            session_id,started_at,source,visitor_id
            z1,2024-07-01T02:30:00Z,direct,zv1
            z2,2024-06-30T23:30:00Z,direct,zv1
            z3,2024-07-01T05:00:00Z,direct,zv2
            """;

    @Test
    void sessionsNearMidnightFallInTheReportTimeZonesDay() {
        for (String workspace : new String[] {"UTC", "America/New_York"}) {
            try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults().withTimeZone(ZoneId.of(workspace)))) {
                Fixtures.load(warehouse, Dataset.SESSIONS, NEAR_MIDNIGHT);
                Fixtures.load(warehouse, Dataset.CONTACTS, "contact_id,created_at,source\nzc1,2024-07-01T03:00:00Z,direct\n");
                TrafficQuery query = TrafficQuery.of(DateRange.of("2024-06-01", "2024-07-31"));

                // UTC: June has z2 (zv1, new); July z1 (zv1 back) and z3 (zv2 new), and the contact.
                TrafficReport utc = run(warehouse, ZoneId.of(workspace), query.withTimeZone(ZoneId.of("UTC")));
                assertThat(utc.rows()).as(workspace).extracting(r -> r.period().label(), r -> value(r.sessions()),
                        r -> value(r.uniqueVisitors()), r -> value(r.newVisitors()), r -> value(r.contactsCreated())).containsExactly(
                        tuple("2024-06", 1.0, 1.0, 1.0, 0.0),
                        tuple("2024-07", 2.0, 2.0, 1.0, 1.0));

                // New York: June has z2 and z1 (zv1 once) and the contact; July has z3.
                TrafficReport newYork = run(warehouse, ZoneId.of(workspace), query.withTimeZone(ZoneId.of("America/New_York")));
                assertThat(newYork.rows()).as(workspace).extracting(r -> r.period().label(), r -> value(r.sessions()),
                        r -> value(r.uniqueVisitors()), r -> value(r.newVisitors()), r -> value(r.contactsCreated())).containsExactly(
                        tuple("2024-06", 2.0, 1.0, 1.0, 1.0),
                        tuple("2024-07", 1.0, 1.0, 1.0, 0.0));
                assertThat(newYork.query().timeZone()).isEqualTo(ZoneId.of("America/New_York"));
            }
        }
    }
}

package io.funnelql.queries.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** knownAt reproduces a traffic report as it was answered before a correcting load. */
class TrafficKnownAtTests {

    Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
    TrafficService traffic = new TrafficService(warehouse, ReportSettings.defaults(), Clock.systemUTC());

    @AfterEach
    void close() {
        warehouse.close();
    }

    static Double value(io.funnelql.queries.report.Measure measure) {
        return measure.value();
    }

    @Test
    void knownAtBetweenTwoLoadsSeesTheSessionsBeforeTheCorrection() throws InterruptedException {
        Fixtures.load(warehouse, Dataset.SESSIONS, """
                session_id,started_at,source,visitor_id
                k1,2024-06-03 10:00,ORGANIC_SEARCH,v1
                k2,2024-06-04 10:00,ORGANIC_SEARCH,v2
                """);
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        // The correction: k2 was v1's visit from paid search; k3 is new (v3, and first seen on Jun 1).
        Fixtures.load(warehouse, Dataset.SESSIONS, """
                session_id,started_at,source,visitor_id
                k2,2024-06-04 10:00,PAID_SEARCH,v1
                k3,2024-06-01 10:00,PAID_SEARCH,v3
                """);
        TrafficQuery query = TrafficQuery.of(DateRange.of("2024-06-01", "2024-06-30")).withGroupBy(Dimension.SOURCE);

        TrafficReport before = traffic.run(query.withKnownAt(between));
        TrafficReport now = traffic.run(query);
        TrafficReport knownNow = traffic.run(query.withKnownAt(Instant.now()));

        // Before: organic k1 k2 by v1 v2, both new.
        assertThat(before.rows()).extracting(TrafficRow::source, r -> value(r.sessions()), r -> value(r.uniqueVisitors()),
                r -> value(r.newVisitors())).containsExactly(tuple("organic_search", 2.0, 2.0, 2.0));
        assertThat(before.total().uniqueVisitors().value()).isEqualTo(2.0);
        // Now: organic k1 (v1, new); paid k2 (v1 again) and k3 (v3, new).
        assertThat(now.rows()).extracting(TrafficRow::source, r -> value(r.sessions()), r -> value(r.uniqueVisitors()),
                r -> value(r.newVisitors())).containsExactly(
                tuple("organic_search", 1.0, 1.0, 1.0),
                tuple("paid_search", 2.0, 2.0, 1.0));
        assertThat(now.total().uniqueVisitors().value()).isEqualTo(2.0);
        assertThat(knownNow.rows()).isEqualTo(now.rows());
        assertThat(before.query().knownAt()).isEqualTo(between);
    }

    @Test
    void knownAtUsesTheSourceMapAsItWasKnown() throws InterruptedException {
        Fixtures.load(warehouse, Dataset.SESSIONS, "session_id,started_at,source,visitor_id\nk1,2024-06-03,partner-newsletter,v1\n");
        Thread.sleep(5);
        Instant beforeMapping = Instant.now();
        Thread.sleep(5);
        Fixtures.load(warehouse, Dataset.SOURCE_MAP, "raw_source,source,channel\npartner-newsletter,referral,inbound\n");
        TrafficQuery query = TrafficQuery.of(DateRange.of("2024-06-01", "2024-06-30")).withGroupBy(Dimension.SOURCE);

        assertThat(traffic.run(query.withKnownAt(beforeMapping)).rows()).extracting(TrafficRow::source)
                .containsExactly("partner-newsletter");
        assertThat(traffic.run(query).rows()).extracting(TrafficRow::source).containsExactly("referral");
    }

    @Test
    void knownAtBeforeAnyLoadSeesNothing() {
        Instant before = Instant.now().minusSeconds(60);
        Fixtures.load(warehouse, Dataset.SESSIONS, "session_id,started_at,source,visitor_id\nk1,2024-06-03,direct,v1\n");

        TrafficRow total = traffic.run(TrafficQuery.of(DateRange.of("2024-06-01", "2024-06-30")).withKnownAt(before)).total();

        assertThat(total.sessions().value()).isZero();
        assertThat(total.uniqueVisitors().value()).isZero();
    }
}

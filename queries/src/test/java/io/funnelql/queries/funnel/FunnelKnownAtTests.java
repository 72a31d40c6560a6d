package io.funnelql.queries.funnel;

import static io.funnelql.queries.funnel.Stage.CREATED;
import static io.funnelql.queries.funnel.Stage.MQL;
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

/** knownAt reproduces a report as it was answered before a correcting load. */
class FunnelKnownAtTests {

    Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
    FunnelService funnels = new FunnelService(warehouse, ReportSettings.defaults(), Clock.systemUTC());

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void knownAtBetweenTwoLoadsSeesTheDataBeforeTheCorrection() throws InterruptedException {
        Fixtures.load(warehouse, Dataset.CONTACTS, """
                contact_id,created_at,source,mql_at
                k1,2024-06-03,ORGANIC_SEARCH,
                k2,2024-06-04,ORGANIC_SEARCH,
                """);
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        // The correction: k1 became an MQL and came from paid search after all; k3 is new.
        Fixtures.load(warehouse, Dataset.CONTACTS, """
                contact_id,created_at,source,mql_at
                k1,2024-06-03,PAID_SEARCH,2024-06-20
                k3,2024-06-05,PAID_SEARCH,
                """);
        FunnelQuery query = FunnelQuery.of(DateRange.of("2024-06-01", "2024-06-30")).withStages(CREATED, MQL)
                .withGroupBy(Dimension.SOURCE);

        FunnelReport before = funnels.run(query.withKnownAt(between));
        FunnelReport now = funnels.run(query);
        FunnelReport knownNow = funnels.run(query.withKnownAt(Instant.now()));

        assertThat(before.rows()).extracting(FunnelRow::source, r -> r.count(CREATED), r -> r.count(MQL))
                .containsExactly(tuple("organic_search", 2L, 0L));
        assertThat(now.rows()).extracting(FunnelRow::source, r -> r.count(CREATED), r -> r.count(MQL))
                .containsExactly(tuple("organic_search", 1L, 0L), tuple("paid_search", 2L, 1L));
        assertThat(knownNow.rows()).isEqualTo(now.rows());
    }

    @Test
    void knownAtBeforeAnyLoadSeesNothing() {
        Instant before = Instant.now().minusSeconds(60);
        Fixtures.load(warehouse, Dataset.CONTACTS, "contact_id,created_at\nk1,2024-06-03\n");

        FunnelReport report = funnels.run(FunnelQuery.of(DateRange.of("2024-06-01", "2024-06-30")).withStages(CREATED)
                .withKnownAt(before));

        assertThat(report.total(CREATED)).isZero();
    }

    @Test
    void knownAtUsesTheSourceMapAsItWasKnown() throws InterruptedException {
        Fixtures.load(warehouse, Dataset.CONTACTS, "contact_id,created_at,source\nk1,2024-06-03,partner-newsletter\n");
        Thread.sleep(5);
        Instant beforeMapping = Instant.now();
        Thread.sleep(5);
        Fixtures.load(warehouse, Dataset.SOURCE_MAP, "raw_source,source,channel\npartner-newsletter,referral,inbound\n");
        FunnelQuery query = FunnelQuery.of(DateRange.of("2024-06-01", "2024-06-30")).withStages(CREATED)
                .withGroupBy(Dimension.SOURCE);

        assertThat(funnels.run(query.withKnownAt(beforeMapping)).rows()).extracting(FunnelRow::source)
                .containsExactly("partner-newsletter");
        assertThat(funnels.run(query).rows()).extracting(FunnelRow::source).containsExactly("referral");
    }
}

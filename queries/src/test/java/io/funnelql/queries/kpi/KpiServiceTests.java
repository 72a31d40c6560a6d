package io.funnelql.queries.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** One KPI over a range, as a version of its definition computes it; the fixture is {@link KpiFixtures}'s May. */
class KpiServiceTests {

    static final DateRange MAY = DateRange.of("2024-05-01", "2024-05-31");

    Warehouse warehouse;
    KpiDefinitions definitions;
    KpiService kpis;

    @BeforeEach
    void open() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        KpiFixtures.load(warehouse);
        Clock clock = Clock.fixed(Instant.parse("2024-07-01T00:00:00Z"), ZoneOffset.UTC);
        definitions = new KpiDefinitions(warehouse, Clock.systemUTC());
        kpis = new KpiService(warehouse, ReportSettings.defaults(), clock, definitions,
                KpiFixtures.services(warehouse, ReportSettings.defaults(), clock));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    static Double value(Measure measure) {
        return measure.value();
    }

    @Test
    void aNewVersionChangesTheNumbersAndTheOldVersionKeepsItsOwn() throws Exception {
        KpiReport before = kpis.run(KpiQuery.of("mqls", MAY));
        Thread.sleep(5);
        Instant beforeTheChange = Instant.now();
        Thread.sleep(5);
        definitions.save(KpiDraft.withDefaults("mqls", "MQLs excluding role addresses", null, "mqls", null, null, true, null,
                Breakdown.SOURCE, null, null));

        KpiReport latest = kpis.run(KpiQuery.of("mqls", MAY));
        KpiReport first = kpis.run(KpiQuery.of("mqls", MAY).withVersion(1));
        KpiReport asKnownBefore = kpis.run(KpiQuery.of("mqls", MAY).withKnownAt(beforeTheChange));

        // Version 1: 5 MQLs in May (4 targeted: attainment 1.25). Version 2 leaves out m1 (info@) and m3 (sales@): 3.
        assertThat(before.definition().version()).isEqualTo(1);
        assertThat(value(before.series().values().get(0))).isEqualTo(5.0);
        assertThat(before.series().values().get(0).attainment()).hasValue(1.25);
        assertThat(latest.definition().version()).isEqualTo(2);
        assertThat(latest.query().version()).isEqualTo(2);
        assertThat(value(latest.series().values().get(0))).isEqualTo(3.0);
        assertThat(latest.series().values().get(0).attainment()).hasValue(0.75);
        // The old version, asked by number or as known before the change, keeps its numbers.
        assertThat(first.definition().version()).isEqualTo(1);
        assertThat(value(first.series().values().get(0))).isEqualTo(5.0);
        assertThat(asKnownBefore.definition().version()).isEqualTo(1);
        assertThat(value(asKnownBefore.series().values().get(0))).isEqualTo(5.0);
        // By source, version 2: email m5, organic m4 (m3 is sales@), paid m2 (m1 is info@).
        assertThat(latest.series().parts()).extracting(KpiSeries.Part::name, part -> value(part.total()))
                .containsExactly(tuple("email", 1.0), tuple("organic_search", 1.0), tuple("paid_search", 1.0));
        assertThat(first.series().parts()).extracting(KpiSeries.Part::name, part -> value(part.total()))
                .containsExactly(tuple("email", 1.0), tuple("organic_search", 2.0), tuple("paid_search", 2.0));
    }

    @Test
    void countsStageEntriesByWeekAndRatesWithinTheSamePeriod() {
        KpiReport weekly = kpis.run(KpiQuery.of("mqls", MAY).withGrain(Grain.WEEK));
        KpiReport rate = kpis.run(KpiQuery.of("mql_to_sql_rate", MAY));

        // Weeks from Monday Apr 29: MQLs 0, 2 (m1, m2), 0, 3 (m3, m4, m5), 0.
        assertThat(weekly.series().periods()).extracting(p -> p.label())
                .containsExactly("2024-04-29", "2024-05-06", "2024-05-13", "2024-05-20", "2024-05-27");
        assertThat(weekly.series().values()).extracting(Measure::value).containsExactly(0.0, 2.0, 0.0, 3.0, 0.0);
        // The monthly target of 4 over a week inside May: 4 x 7 / 31. The first week reaches into April: none.
        assertThat(weekly.series().values().get(1).target()).isCloseTo(4.0 * 7 / 31, within(1e-9));
        assertThat(weekly.series().values().get(0).target()).isNull();
        // May: 2 SQLs (m1, m4) of 5 MQLs.
        assertThat(value(rate.series().values().get(0))).isEqualTo(0.4);
    }

    @Test
    void theLifecycleFunnelHasItsStagesAsParts() {
        KpiReport funnel = kpis.run(KpiQuery.of("lifecycle_funnel", MAY));

        assertThat(funnel.series().parts()).extracting(KpiSeries.Part::name, part -> value(part.values().get(0))).containsExactly(
                tuple("CREATED", 5.0), tuple("LEAD", 5.0), tuple("MQL", 5.0), tuple("SQL", 2.0), tuple("OPPORTUNITY", 0.0),
                tuple("CUSTOMER", 0.0));
        // No customer of 5 contacts: 0.
        assertThat(value(funnel.series().values().get(0))).isEqualTo(0.0);
        // The MQL stage carries the mqls target.
        assertThat(funnel.series().parts().get(2).values().get(0).target()).isEqualTo(4.0);
    }

    @Test
    void aggregatesAMetricValuesSeriesAsItsDefinitionSays() {
        definitions.save(KpiDraft.withDefaults("webinar_attendees", "Webinar attendees", null, "webinar_attendees", null, null, null,
                null, null, null, null));
        definitions.save(KpiDraft.withDefaults("subscribers", "Newsletter subscribers", null, "newsletter_subscribers",
                java.util.List.of("email"), null, null, null, null, Aggregation.LAST, null));
        definitions.save(KpiDraft.withDefaults("subscribers_average", "Subscribers on average", null, "newsletter_subscribers",
                null, null, null, null, null, Aggregation.AVERAGE, null));

        // 40 + 60; the last of 1000, 1010, 1030, 1045; their mean 4085 / 4.
        assertThat(value(kpis.run(KpiQuery.of("webinar_attendees", MAY)).series().values().get(0))).isEqualTo(100.0);
        assertThat(value(kpis.run(KpiQuery.of("subscribers", MAY)).series().values().get(0))).isEqualTo(1045.0);
        assertThat(value(kpis.run(KpiQuery.of("subscribers_average", MAY)).series().values().get(0))).isEqualTo(1021.25);
        // As of May 21, the last value is May 20's; a week without a webinar sums to 0, a week without a value is null.
        assertThat(value(kpis.run(KpiQuery.of("subscribers", MAY).withAsOf(Instant.parse("2024-05-21T00:00:00Z")))
                .series().values().get(0))).isEqualTo(1030.0);
        assertThat(kpis.run(KpiQuery.of("webinar_attendees", MAY).withGrain(Grain.WEEK)).series().values())
                .extracting(Measure::value).containsExactly(0.0, 40.0, 0.0, 60.0, 0.0);
        assertThat(kpis.run(KpiQuery.of("subscribers", MAY).withGrain(Grain.WEEK)).series().values())
                .extracting(Measure::value).containsExactly(null, 1000.0, 1010.0, 1030.0, 1045.0);
    }
}

package io.funnelql.queries.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** KPI definitions: the built-in versions, new versions on change, no-ops on equal saves, and what is refused. */
class KpiDefinitionsTests {

    Warehouse warehouse;
    KpiDefinitions definitions;

    @BeforeEach
    void open() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        KpiFixtures.load(warehouse);
        definitions = new KpiDefinitions(warehouse, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    static KpiDraft draft(String id, String metric) {
        return KpiDraft.withDefaults(id, "A KPI", null, metric, null, null, null, null, null, null, null);
    }

    @Test
    void theDefaultBoardsKpisAreBuiltInAsVersionOne() {
        assertThat(definitions.all()).extracting(KpiDefinition::id).contains("customers", "mqls", "lifecycle_funnel", "sessions",
                "won_revenue", "cost_per_lead", "cac", "visitor_to_contact_rate", "mql_to_sql_rate");
        KpiDefinition mqls = definitions.resolve("mqls", null, null);
        assertThat(mqls.version()).isEqualTo(1);
        assertThat(mqls.breakdown()).isEqualTo(Breakdown.SOURCE);
        assertThat(mqls.indicator()).isEqualTo(Indicator.LEADING);
        assertThat(mqls.createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(definitions.resolve("lifecycle_funnel", null, null).stages())
                .containsExactly(Stage.CREATED, Stage.LEAD, Stage.MQL, Stage.SQL, Stage.OPPORTUNITY, Stage.CUSTOMER);
    }

    @Test
    void changingADefinitionAddsAVersionAndKeepsTheOldOne() {
        Instant before = Instant.now();
        SavedDefinition saved = definitions.save(KpiDraft.withDefaults("mqls", "MQLs by source", null, "mqls", null, null, true,
                null, Breakdown.SOURCE, null, null));

        assertThat(saved.created()).isTrue();
        assertThat(saved.definition().version()).isEqualTo(2);
        assertThat(saved.definition().description()).isEqualTo("mqls, excluding role addresses");
        assertThat(definitions.versions("mqls")).extracting(KpiDefinition::version, KpiDefinition::excludeRoleAddresses)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, true));
        assertThat(definitions.resolve("mqls", null, null).version()).isEqualTo(2);
        assertThat(definitions.resolve("mqls", 1, null).version()).isEqualTo(1);
        // As known before the save: version 1.
        assertThat(definitions.resolve("mqls", null, before).version()).isEqualTo(1);
    }

    @Test
    void savingTheSameDefinitionAgainSavesNothing() {
        KpiDraft draft = KpiDraft.withDefaults("paid_mqls", "Paid MQLs", null, "MQLs", List.of("paid_search", "email"), null, null,
                null, null, null, null);
        SavedDefinition first = definitions.save(draft);
        SavedDefinition again = definitions.save(KpiDraft.withDefaults("paid_mqls", "Paid MQLs", null, "mqls",
                List.of("email", "paid_search"), null, false, null, null, null, null));

        assertThat(first.created()).isTrue();
        assertThat(first.definition().version()).isEqualTo(1);
        assertThat(first.definition().sources()).containsExactly("email", "paid_search");
        assertThat(again.created()).isFalse();
        assertThat(again.definition()).isEqualTo(first.definition());
        assertThat(definitions.versions("paid_mqls")).hasSize(1);
    }

    @Test
    void aMetricValuesSeriesCanBeAKpi() {
        SavedDefinition saved = definitions.save(KpiDraft.withDefaults("webinars", "Webinar attendees", null, "webinar_attendees",
                null, null, null, null, null, null, null));

        assertThat(saved.definition().metric()).isEqualTo("webinar_attendees");
        assertThat(saved.definition().indicator()).isEqualTo(Indicator.LEADING);
        assertThat(saved.definition().aggregation()).isEqualTo(Aggregation.SUM);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad id                 | Paid MQLs | mqls                | false |                  | NONE   | SUM  | not a KPI id",
            "unknown metric         | x         | webinar             | false |                  | NONE   | SUM  | Unknown metric 'webinar'. Use a catalog metric (sessions",
            "role filter on traffic | x         | sessions            | true  |                  | NONE   | SUM  | excludeRoleAddresses applies to the funnel's counts",
            "aggregation on catalog | x         | mqls                | false |                  | NONE   | LAST | aggregation applies to metric_values series only",
            "breakdown of a series  | x         | webinar_attendees   | false |                  | SOURCE | SUM  | has no breakdown",
            "stages on a count      | x         | mqls                | false | MQL;SQL          | NONE   | SUM  | stages apply to the funnel metric only",
            "funnel out of order    | x         | funnel              | false | SQL;MQL          | NONE   | SUM  | at least two stages in funnel order",
            "funnel of one stage    | x         | funnel              | false | MQL              | NONE   | SUM  | at least two stages in funnel order",
    })
    void refusesWhatCannotBeComputed(String name, String id, String metric, boolean excluded, String stages, Breakdown breakdown,
                                     Aggregation aggregation, String message) {
        String kpiId = id.equals("x") ? "k" : id;
        List<Stage> stageList = stages == null ? null : java.util.Arrays.stream(stages.split(";")).map(Stage::valueOf).toList();
        assertThatThrownBy(() -> definitions.save(KpiDraft.withDefaults(kpiId, "K", null, metric, null, null, excluded, stageList,
                breakdown, aggregation, null))).isInstanceOf(BadQueryException.class).hasMessageContaining(message);
    }

    @Test
    void refusesUnknownSourcesIdsAndVersions() {
        assertThatThrownBy(() -> definitions.save(KpiDraft.withDefaults("k", "K", null, "mqls", List.of("google"), null, null, null,
                null, null, null))).isInstanceOf(BadQueryException.class).hasMessageContaining("Unknown source 'google'");
        assertThatThrownBy(() -> definitions.resolve("nope", null, null)).isInstanceOf(BadQueryException.class)
                .hasMessageContaining("Unknown KPI 'nope'").hasMessageContaining("mqls");
        assertThatThrownBy(() -> definitions.resolve("mqls", 7, null)).isInstanceOf(BadQueryException.class)
                .hasMessageContaining("KPI 'mqls' has versions 1 to 1; there is no version 7");
    }
}

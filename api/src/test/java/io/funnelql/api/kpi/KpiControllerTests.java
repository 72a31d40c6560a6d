package io.funnelql.api.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.report.ReportCache;
import io.funnelql.api.report.ReportSliceConfiguration;
import io.funnelql.api.workspace.Workspace;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.queries.report.Grain;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.Loader;

/**
 * The KPI queries' and mutation's contract on a hand-built May 2024 (the numbers are tested in depth in the query
 * layer): names and shapes, versions, the cache seeing a saved definition, and errors.
 */
@GraphQlTest({KpiController.class, KpiDefinitionController.class})
@Import({KpiReports.class, ReportSliceConfiguration.class, KpiControllerTests.May.class})
class KpiControllerTests {

    static final String AS_OF = "2024-06-03T12:00:00Z";

    @Autowired
    GraphQlTester graphQl;

    @Test
    void listsTheBuiltInDefinitions() {
        graphQl.documentName("kpiDefinitions").variable("id", "lifecycle_funnel").execute()
                .path("kpiDefinitions[*].version").entityList(Integer.class).containsExactly(1)
                .path("kpiDefinitions[0].metric").entity(String.class).isEqualTo("funnel")
                .path("kpiDefinitions[0].stages").entityList(String.class)
                .containsExactly("CREATED", "LEAD", "MQL", "SQL", "OPPORTUNITY", "CUSTOMER")
                .path("kpiDefinitions[0].createdAt").entity(String.class).isEqualTo("1970-01-01T00:00:00.000Z");
        graphQl.documentName("kpiDefinitions").execute()
                .path("kpiDefinitions[*].id").entityList(String.class).contains("cac", "cost_per_lead", "customers", "mqls", "sessions");
    }

    @Test
    void theBoardShowsTheLastCompletePeriodBesideTheOneBefore() {
        // May against April by month: 5 MQLs (4 targeted) against none; by source email 1, organic 2, paid 2.
        graphQl.documentName("kpiBoard").variable("input", Map.of("grain", "MONTH", "asOf", AS_OF)).execute()
                .path("kpiBoard.grain").entity(String.class).isEqualTo("MONTH")
                .path("kpiBoard.period.label").entity(String.class).isEqualTo("2024-05")
                .path("kpiBoard.previousPeriod.label").entity(String.class).isEqualTo("2024-04")
                .path("kpiBoard.northStar.definition.id").entity(String.class).isEqualTo("customers")
                .path("kpiBoard.kpis[*].definition.id").entityList(String.class)
                .containsExactly("mqls", "lifecycle_funnel", "sessions", "won_revenue", "cost_per_lead", "cac")
                .path("kpiBoard.kpis[0].value").entity(Double.class).isEqualTo(5.0)
                .path("kpiBoard.kpis[0].previous").entity(Double.class).isEqualTo(0.0)
                .path("kpiBoard.kpis[0].change").entity(Double.class).isEqualTo(5.0)
                .path("kpiBoard.kpis[0].changeRate").valueIsNull()
                .path("kpiBoard.kpis[0].target").entity(Double.class).isEqualTo(4.0)
                .path("kpiBoard.kpis[0].attainment").entity(Double.class).isEqualTo(1.25)
                .path("kpiBoard.kpis[0].indicator").entity(String.class).isEqualTo("LEADING")
                .path("kpiBoard.kpis[0].parts[*].name").entityList(String.class).containsExactly("email", "organic_search", "paid_search")
                .path("kpiBoard.kpis[0].parts[*].value").entityList(Double.class).containsExactly(1.0, 2.0, 2.0)
                .path("kpiBoard.kpis[0].series[*].period.label").entityList(String.class)
                .containsExactly("2024-02", "2024-03", "2024-04", "2024-05")
                .path("kpiBoard.kpis[4].definition.lowerIsBetter").entity(Boolean.class).isEqualTo(true)
                .path("kpiBoard.kpis[4].value").valueIsNull()
                .path("kpiBoard.asOf").entity(String.class).isEqualTo("2024-06-03T12:00:00.000Z")
                .path("kpiBoard.timeZone").entity(String.class).isEqualTo("UTC")
                .path("kpiBoard.weekStart").entity(String.class).isEqualTo("MONDAY");
    }

    @Test
    void aNewVersionIsSeenAtOnceAndTheOldOneKeepsItsNumbers() {
        Map<String, Object> board = Map.of("grain", "MONTH", "asOf", AS_OF, "northStar", "clean_mqls", "kpis", List.of("sessions"));
        Map<String, Object> all = Map.of("id", "clean_mqls", "name", "MQLs", "metric", "mqls");
        graphQl.documentName("saveKpiDefinition").variable("input", all).execute()
                .path("saveKpiDefinition.created").entity(Boolean.class).isEqualTo(true)
                .path("saveKpiDefinition.definition.version").entity(Integer.class).isEqualTo(1)
                .path("saveKpiDefinition.definition.description").entity(String.class).isEqualTo("mqls");
        graphQl.documentName("kpiBoard").variable("input", board).execute()
                .path("kpiBoard.northStar.value").entity(Double.class).isEqualTo(5.0);

        Map<String, Object> clean = Map.of("id", "clean_mqls", "name", "MQLs", "metric", "mqls", "excludeRoleAddresses", true);
        graphQl.documentName("saveKpiDefinition").variable("input", clean).execute()
                .path("saveKpiDefinition.created").entity(Boolean.class).isEqualTo(true)
                .path("saveKpiDefinition.definition.version").entity(Integer.class).isEqualTo(2);
        graphQl.documentName("saveKpiDefinition").variable("input", clean).execute()
                .path("saveKpiDefinition.created").entity(Boolean.class).isEqualTo(false)
                .path("saveKpiDefinition.definition.version").entity(Integer.class).isEqualTo(2);

        // The cached board is not served: version 2 leaves out info@ and sales@, 3 MQLs.
        graphQl.documentName("kpiBoard").variable("input", board).execute()
                .path("kpiBoard.northStar.definition.version").entity(Integer.class).isEqualTo(2)
                .path("kpiBoard.northStar.value").entity(Double.class).isEqualTo(3.0);
        Map<String, Object> may = Map.of("from", "2024-05-01", "to", "2024-05-31");
        graphQl.documentName("kpi").variable("input", Map.of("id", "clean_mqls", "range", may, "version", 1)).execute()
                .path("kpi.definition.version").entity(Integer.class).isEqualTo(1)
                .path("kpi.rows[0].value").entity(Double.class).isEqualTo(5.0)
                .path("kpi.rows[0].target").entity(Double.class).isEqualTo(4.0);
        graphQl.documentName("kpi").variable("input", Map.of("id", "clean_mqls", "range", may)).execute()
                .path("kpi.definition.version").entity(Integer.class).isEqualTo(2)
                .path("kpi.definition.excludeRoleAddresses").entity(Boolean.class).isEqualTo(true)
                .path("kpi.rows[0].value").entity(Double.class).isEqualTo(3.0)
                .path("kpi.rows[0].attainment").entity(Double.class).isEqualTo(0.75)
                .path("kpi.total.value").entity(Double.class).isEqualTo(3.0);
        graphQl.documentName("kpiDefinitions").variable("id", "clean_mqls").execute()
                .path("kpiDefinitions[*].version").entityList(Integer.class).containsExactly(1, 2);
    }

    @Test
    void theOkrPacesTheQuarter() {
        // Q2: 91 MQLs targeted; by noon on May 16 (half the quarter) 2: pacing 45.5, behind.
        graphQl.documentName("okr").variable("input", Map.of("asOf", "2024-05-16T12:00:00Z")).execute()
                .path("okr.quarter.label").entity(String.class).isEqualTo("2024-Q2")
                .path("okr.kpis[*].definition.id").entityList(String.class).containsExactly("mqls")
                .path("okr.kpis[0].quarter.target").entity(Double.class).isEqualTo(91.0)
                .path("okr.kpis[0].quarter.actual").entity(Double.class).isEqualTo(2.0)
                .path("okr.kpis[0].quarter.pacing").entity(Double.class).isEqualTo(45.5)
                .path("okr.kpis[0].quarter.elapsed").entity(Double.class).isEqualTo(0.5)
                .path("okr.kpis[0].quarter.status").entity(String.class).isEqualTo("BEHIND")
                .path("okr.kpis[0].weeks").entityList(Object.class).hasSize(13);
    }

    @Autowired
    ReportCache cache;

    @Autowired
    FunnelqlProperties properties;

    @Autowired
    KpiBoardProperties boardProperties;

    /** The services a report needs are made for the workspace before the report's own (never one inside another's making). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"board", "okr", "kpi"})
    void eachReportCanBeTheFirstAFreshWorkspaceAnswers(String report) {
        try (Workspaces fresh = Workspaces.of(new Workspace(Workspaces.DEFAULT, TestWarehouses.inMemory()))) {
            KpiReports reports = new KpiReports(fresh, properties, boardProperties, cache);
            java.time.Instant asOf = java.time.Instant.parse(AS_OF);
            switch (report) {
                case "board" -> assertThat(reports.board(io.funnelql.queries.kpi.KpiBoardQuery.configured().withAsOf(asOf), false)
                        .kpis()).hasSize(6);
                case "okr" -> assertThat(reports.okr(io.funnelql.queries.kpi.OkrQuery.of(null).withAsOf(asOf), false).kpis()).isEmpty();
                default -> assertThat(reports.kpi(io.funnelql.queries.kpi.KpiQuery.of("mqls",
                        io.funnelql.queries.report.DateRange.of("2024-05-01", "2024-05-31")), false).series().values()).hasSize(1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown board KPI   | kpiBoard          | {\"kpis\": [\"nope\"]}                                                  | Unknown KPI 'nope'",
            "too many KPIs       | kpiBoard          | {\"kpis\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]} | at most 10 KPIs",
            "unknown version     | kpiBoard          | {\"versions\": [{\"id\": \"mqls\", \"version\": 9}]}                     | there is no version 9",
            "bad time zone       | okr               | {\"timeZone\": \"Mars/Base\"}                                            | Unknown time zone 'Mars/Base'",
            "unknown metric      | saveKpiDefinition | {\"id\": \"k\", \"name\": \"K\", \"metric\": \"visits\"}                  | Unknown metric 'visits'",
            "bad id              | saveKpiDefinition | {\"id\": \"Paid MQLs\", \"name\": \"K\", \"metric\": \"mqls\"}           | not a KPI id",
            "role filter         | saveKpiDefinition | {\"id\": \"k\", \"name\": \"K\", \"metric\": \"cac\", \"excludeRoleAddresses\": true} | excludeRoleAddresses applies to the funnel",
    })
    void badInputIsABadRequestThatSaysWhatToChange(String name, String document, String json, String message) throws Exception {
        Map<String, Object> input = new tools.jackson.databind.ObjectMapper().readValue(json,
                new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });

        graphQl.documentName(document).variable("input", input).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(errors.get(0).getMessage()).contains(message).doesNotContain("SELECT", "Exception", "at io.");
        });
    }

    /** May 2024 as the query layer's KPI tests have it: five MQLs, two of them role addresses; targets for May and Q2. */
    @TestConfiguration(proxyBeanMethods = false)
    static class May {

        @Bean
        KpiBoardProperties boardProperties() {
            return new KpiBoardProperties(Grain.WEEK, "customers",
                    List.of("mqls", "lifecycle_funnel", "sessions", "won_revenue", "cost_per_lead", "cac"), 4, 0.05, null);
        }

        @Bean
        Workspaces workspaces() throws IOException {
            Warehouse warehouse = TestWarehouses.inMemory();
            load(warehouse, Dataset.CONTACTS, """
                    contact_id,created_at,source,email,lead_at,mql_at,sql_at
                    m1,2024-05-02,PAID_SEARCH,info@acme.example,2024-05-02,2024-05-06,2024-05-08
                    m2,2024-05-03,PAID_SEARCH,jane@acme.example,2024-05-03,2024-05-07,
                    m3,2024-05-10,ORGANIC_SEARCH,sales@beta.example,2024-05-10,2024-05-20,
                    m4,2024-05-12,ORGANIC_SEARCH,bob@beta.example,2024-05-12,2024-05-21,2024-05-28
                    m5,2024-05-15,EMAIL_MARKETING,,2024-05-15,2024-05-22,
                    """);
            load(warehouse, Dataset.TARGETS, "metric,period_start,grain,value\nmqls,2024-05-01,MONTH,4\nmqls,2024-04-01,QUARTER,91\n");
            return Workspaces.of(new Workspace(Workspaces.DEFAULT, warehouse));
        }

        static void load(Warehouse warehouse, Dataset dataset, String csv) throws IOException {
            Path file = Files.createTempFile(dataset.id(), ".csv");
            Files.writeString(file, csv);
            new Loader(warehouse).load(LoadRequest.of(dataset, file));
            Files.delete(file);
        }
    }
}

package io.funnelql.api.funnel;

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

import io.funnelql.api.report.ReportSliceConfiguration;
import io.funnelql.api.workspace.Workspace;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.Loader;

/**
 * The {@code funnel} query's contract on three hand-built contacts (the same semantics are tested in depth
 * in the query layer): names and shapes, defaults, nulls, and errors.
 */
@GraphQlTest(FunnelController.class)
@Import({FunnelReports.class, ReportSliceConfiguration.class, FunnelControllerTests.ThreeContacts.class})
class FunnelControllerTests {

    @Autowired
    GraphQlTester graphQl;

    static Map<String, Object> june(Map<String, Object> extra) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("range", Map.of("from", "2024-06-01", "to", "2024-06-30")));
        input.putAll(extra);
        return input;
    }

    @Test
    void answersTheFunnelWithCountsBesideFractionRates() {
        GraphQlTester.Response response = graphQl.documentName("funnel")
                .variable("input", june(Map.of("stages", List.of("CREATED", "MQL", "SQL")))).execute();

        // June: f1 (MQL Jun 12, SQL Jun 20), f2 (MQL Aug 10), f3 (nothing).
        response.path("funnel.stages").entityList(String.class).containsExactly("CREATED", "MQL", "SQL")
                .path("funnel.rows").entityList(Object.class).hasSize(1)
                .path("funnel.rows[0].period.label").entity(String.class).isEqualTo("2024-06")
                .path("funnel.rows[0].period.start").entity(String.class).isEqualTo("2024-06-01")
                .path("funnel.rows[0].period.end").entity(String.class).isEqualTo("2024-06-30")
                .path("funnel.rows[0].period.complete").entity(Boolean.class).isEqualTo(true)
                .path("funnel.rows[0].source").valueIsNull()
                .path("funnel.rows[0].steps[*].count").entityList(Integer.class).containsExactly(3, 2, 1)
                .path("funnel.rows[0].steps[0].stepRate").valueIsNull()
                .path("funnel.rows[0].steps[1].stepRate").entity(Double.class).isEqualTo(2.0 / 3)
                .path("funnel.rows[0].steps[2].stepRate").entity(Double.class).isEqualTo(0.5)
                .path("funnel.rows[0].steps[2].overallRate").entity(Double.class).isEqualTo(1.0 / 3)
                .path("funnel.rows[0].steps[0].previous").valueIsNull()
                .path("funnel.rows[0].steps[0].change").valueIsNull()
                .path("funnel.totals[*].count").entityList(Integer.class).containsExactly(3, 2, 1)
                .path("funnel.groupTotals").entityList(Object.class).hasSize(0)
                .path("funnel.timeZone").entity(String.class).isEqualTo("UTC")
                .path("funnel.weekStart").entity(String.class).isEqualTo("MONDAY")
                .path("funnel.knownAt").valueIsNull();
    }

    @Test
    void usesTheSchemaDefaultsForAnInputWithOnlyARange() {
        graphQl.documentName("funnel").variable("input", june(Map.of())).execute()
                .path("funnel.stages").entityList(String.class).containsExactly("CREATED", "SUBSCRIBER", "LEAD", "MQL",
                        "SQL", "OPPORTUNITY", "CUSTOMER", "EVANGELIST")
                .path("funnel.rows[0].steps[*].count").entityList(Integer.class).containsExactly(3, 2, 2, 2, 1, 0, 0, 0);
    }

    @Test
    void entersMqlsInTheMonthTheyHappenedUnderTheEnteredCohort() {
        Map<String, Object> input = Map.of("range", Map.of("from", "2024-06-01", "to", "2024-08-31"),
                "cohort", "ENTERED", "stages", List.of("MQL"));

        graphQl.documentName("funnel").variable("input", input).execute()
                .path("funnel.rows[*].period.label").entityList(String.class).containsExactly("2024-06", "2024-07", "2024-08")
                .path("funnel.rows[*].steps[0].count").entityList(Integer.class).containsExactly(1, 0, 1);
    }

    @Test
    void groupsBySourceWithGroupTotalsAndComparesWithThePreviousYear() {
        Map<String, Object> input = june(Map.of("stages", List.of("CREATED"), "groupBy", List.of("SOURCE"),
                "compare", "PREVIOUS_YEAR"));

        graphQl.documentName("funnel").variable("input", input).execute()
                .path("funnel.rows[*].source").entityList(String.class).containsExactly("organic_search", "paid_search")
                .path("funnel.rows[*].steps[0].count").entityList(Integer.class).containsExactly(2, 1)
                .path("funnel.rows[*].steps[0].previous").entityList(Integer.class).containsExactly(1, 0)
                .path("funnel.rows[0].steps[0].change").entity(Integer.class).isEqualTo(1)
                .path("funnel.rows[0].steps[0].changeRate").entity(Double.class).isEqualTo(1.0)
                .path("funnel.rows[1].steps[0].changeRate").valueIsNull()
                .path("funnel.groupTotals[*].source").entityList(String.class).containsExactly("organic_search", "paid_search")
                .path("funnel.groupTotals[0].period.label").entity(String.class).isEqualTo("2024-06 – 2024-06");
    }

    @Test
    void echoesTheAsOfAndTimeZoneItComputedFor() {
        Map<String, Object> input = june(Map.of("asOf", "2024-06-15T00:00:00Z", "timeZone", "Europe/Berlin",
                "weekStart", "SUNDAY"));

        graphQl.documentName("funnel").variable("input", input).execute()
                .path("funnel.asOf").entity(String.class).isEqualTo("2024-06-15T00:00:00.000Z")
                .path("funnel.timeZone").entity(String.class).isEqualTo("Europe/Berlin")
                .path("funnel.weekStart").entity(String.class).isEqualTo("SUNDAY")
                .path("funnel.rows[0].period.complete").entity(Boolean.class).isEqualTo(false);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "to before from        | {\"range\": {\"from\": \"2024-06-30\", \"to\": \"2024-06-01\"}}                          | ends (2024-06-01) before it starts",
            "unknown time zone     | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"timeZone\": \"Mars/Base\"} | Unknown time zone 'Mars/Base'",
            "unknown source        | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"sources\": [\"google\"]}   | Unknown source 'google'",
            "stages out of order   | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"stages\": [\"SQL\", \"MQL\"]} | Stages must be in funnel order",
            "repeated stage        | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"stages\": [\"MQL\", \"MQL\"]} | without repeats",
            "negative window       | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"withinDays\": -3}           | withinDays must be 0 or more",
            "window with ENTERED   | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"withinDays\": 3, \"cohort\": \"ENTERED\"} | CREATED cohort only",
            "too many periods      | {\"range\": {\"from\": \"1990-01-01\", \"to\": \"2024-06-30\"}, \"grain\": \"DAY\"}            | at most 1000",
    })
    void badInputIsABadRequestThatSaysWhatToChange(String name, String json, String message) throws Exception {
        Map<String, Object> input = new tools.jackson.databind.ObjectMapper().readValue(json, Map.class);

        graphQl.documentName("funnel").variable("input", input).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(errors.get(0).getMessage()).contains(message).doesNotContain("SELECT", "Exception", "at io.");
        });
    }

    /**
     * f1 (organic, created Jun 3: MQL Jun 12, SQL Jun 20), f2 (organic, created Jun 5: MQL Aug 10),
     * f3 (paid, created Jun 7), and a year earlier p1 (organic, created Jun 10, 2023).
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class ThreeContacts {

        @Bean
        Workspaces workspaces() throws IOException {
            Warehouse warehouse = TestWarehouses.inMemory();
            Path file = Files.createTempFile("funnel", ".csv");
            Files.writeString(file, """
                    contact_id,created_at,source,lead_at,mql_at,sql_at
                    f1,2024-06-03,ORGANIC_SEARCH,2024-06-03,2024-06-12,2024-06-20
                    f2,2024-06-05,ORGANIC_SEARCH,2024-06-05,2024-08-10,
                    f3,2024-06-07,PAID_SEARCH,,,
                    p1,2023-06-10,ORGANIC_SEARCH,,,
                    """);
            new Loader(warehouse).load(LoadRequest.of(Dataset.CONTACTS, file));
            Files.delete(file);
            return Workspaces.of(new Workspace(Workspaces.DEFAULT, warehouse));
        }
    }
}

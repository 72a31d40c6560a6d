package io.funnelql.api.velocity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
 * The {@code velocity} query's contract on four hand-built contacts (percentiles are tested in depth in the
 * query layer): names and shapes, nulls, and errors.
 */
@GraphQlTest(VelocityController.class)
@Import({VelocityReports.class, ReportSliceConfiguration.class, VelocityControllerTests.FourContacts.class})
class VelocityControllerTests {

    @Autowired
    GraphQlTester graphQl;

    static Map<String, Object> mqlToSql(Map<String, Object> extra) {
        Map<String, Object> input = new HashMap<>(Map.of("range", Map.of("from", "2024-06-01", "to", "2024-06-30"),
                "fromStage", "MQL", "toStage", "SQL"));
        input.putAll(extra);
        return input;
    }

    @Test
    void answersMedianP75AndP90OfTheDaysBetweenTwoStages() {
        // June's MQLs: f1 2 days, f2 8, f3 half a day; f4's SQL is dated before its MQL.
        // Sorted 0.5, 2, 8: median x[1] = 2; p75 at 1.5: 2 + 0.5 x 6 = 5; p90 at 1.8: 2 + 0.8 x 6 = 6.8.
        graphQl.documentName("velocity").variable("input", mqlToSql(Map.of())).execute()
                .path("velocity.fromStage").entity(String.class).isEqualTo("MQL")
                .path("velocity.toStage").entity(String.class).isEqualTo("SQL")
                .path("velocity.rows").entityList(Object.class).hasSize(1)
                .path("velocity.rows[0].period.label").entity(String.class).isEqualTo("2024-06")
                .path("velocity.rows[0].contacts.value").entity(Double.class).isEqualTo(3.0)
                .path("velocity.rows[0].medianDays.value").entity(Double.class).isEqualTo(2.0)
                .path("velocity.rows[0].p75Days.value").entity(Double.class).isEqualTo(5.0)
                .path("velocity.rows[0].p90Days.value").entity(Double.class).satisfies(p90 -> assertThat(p90).isCloseTo(6.8,
                        org.assertj.core.api.Assertions.within(1e-9)))
                .path("velocity.rows[0].outOfOrder.value").entity(Double.class).isEqualTo(1.0)
                .path("velocity.rows[0].medianDays.previous").valueIsNull()
                .path("velocity.total.medianDays.value").entity(Double.class).isEqualTo(2.0)
                .path("velocity.timeZone").entity(String.class).isEqualTo("UTC")
                .path("velocity.knownAt").valueIsNull();
    }

    @Test
    void groupsBySourceAndLeavesPercentilesOfAnEmptyPeriodNull() {
        Map<String, Object> input = mqlToSql(Map.of("range", Map.of("from", "2024-06-01", "to", "2024-07-31"),
                "groupBy", List.of("SOURCE")));

        // organic: 2 and 8 (median 5); paid: 0.5. July has no MQLs.
        graphQl.documentName("velocity").variable("input", input).execute()
                .path("velocity.rows[*].source").entityList(String.class)
                .containsExactly("organic_search", "paid_search", "organic_search", "paid_search")
                .path("velocity.rows[*].medianDays.value").entityList(Double.class).containsExactly(5.0, 0.5, null, null)
                .path("velocity.rows[2].contacts.value").entity(Double.class).isEqualTo(0.0)
                .path("velocity.rows[2].medianDays.value").valueIsNull()
                .path("velocity.groupTotals[*].medianDays.value").entityList(Double.class).containsExactly(5.0, 0.5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "stages reversed   | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"fromStage\": \"SQL\", \"toStage\": \"MQL\"} | toStage must come after fromStage",
            "to before from    | {\"range\": {\"from\": \"2024-06-30\", \"to\": \"2024-06-01\"}, \"fromStage\": \"MQL\", \"toStage\": \"SQL\"} | ends (2024-06-01) before it starts",
            "unknown source    | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"fromStage\": \"MQL\", \"toStage\": \"SQL\", \"sources\": [\"google\"]} | Unknown source 'google'",
            "unknown time zone | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"fromStage\": \"MQL\", \"toStage\": \"SQL\", \"timeZone\": \"Mars/Base\"} | Unknown time zone 'Mars/Base'",
    })
    void badInputIsABadRequestThatSaysWhatToChange(String name, String json, String message) throws Exception {
        Map<String, Object> input = new tools.jackson.databind.ObjectMapper().readValue(json, Map.class);

        graphQl.documentName("velocity").variable("input", input).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(errors.get(0).getMessage()).contains(message).doesNotContain("SELECT", "Exception", "at io.");
        });
    }

    /** f1 (organic, 2 days), f2 (organic, 8), f3 (paid, 0.5), f4 (paid, SQL a day before its MQL). */
    @TestConfiguration(proxyBeanMethods = false)
    static class FourContacts {

        @Bean
        Workspaces workspaces() throws IOException {
            Warehouse warehouse = TestWarehouses.inMemory();
            Path file = Files.createTempFile("velocity", ".csv");
            Files.writeString(file, """
                    contact_id,created_at,source,mql_at,sql_at
                    f1,2024-06-01,ORGANIC_SEARCH,2024-06-03,2024-06-05
                    f2,2024-06-01,ORGANIC_SEARCH,2024-06-10,2024-06-18
                    f3,2024-06-01,PAID_SEARCH,2024-06-12 12:00,2024-06-13 00:00
                    f4,2024-06-01,PAID_SEARCH,2024-06-20,2024-06-19
                    """);
            new Loader(warehouse).load(LoadRequest.of(Dataset.CONTACTS, file));
            Files.delete(file);
            return Workspaces.of(new Workspace(Workspaces.DEFAULT, warehouse));
        }
    }
}

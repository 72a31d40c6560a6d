package io.funnelql.api.revenue;

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
 * The {@code revenue} query's contract on three hand-built deals (the metrics are tested in depth in the query
 * layer): names and shapes, defaults, nulls, comparison and errors.
 */
@GraphQlTest(RevenueController.class)
@Import({RevenueReports.class, ReportSliceConfiguration.class, RevenueControllerTests.ThreeDeals.class})
class RevenueControllerTests {

    @Autowired
    GraphQlTester graphQl;

    static Map<String, Object> june(Map<String, Object> extra) {
        Map<String, Object> input = new HashMap<>(Map.of("range", Map.of("from", "2024-06-01", "to", "2024-06-30")));
        input.putAll(extra);
        return input;
    }

    @Test
    void answersRevenueWithMeasuresAndNullsForUndefinedValues() {
        GraphQlTester.Response response = graphQl.documentName("revenue").variable("input", june(Map.of())).execute();

        // June: r1 (organic, 1200, MRR 100) and r2 (no contact, 600, MRR 50); nobody churned.
        response.path("revenue.rows").entityList(Object.class).hasSize(1)
                .path("revenue.rows[0].period.label").entity(String.class).isEqualTo("2024-06")
                .path("revenue.rows[0].source").valueIsNull()
                .path("revenue.rows[0].wonRevenue.value").entity(Double.class).isEqualTo(1800.0)
                .path("revenue.rows[0].wonDeals.value").entity(Double.class).isEqualTo(2.0)
                .path("revenue.rows[0].averageDealSize.value").entity(Double.class).isEqualTo(900.0)
                .path("revenue.rows[0].marketingSourcedRevenue.value").entity(Double.class).isEqualTo(1200.0)
                .path("revenue.rows[0].unattributedRevenue.value").entity(Double.class).isEqualTo(600.0)
                .path("revenue.rows[0].newMrr.value").entity(Double.class).isEqualTo(150.0)
                .path("revenue.rows[0].mrrAtEnd.value").entity(Double.class).isEqualTo(150.0)
                .path("revenue.rows[0].newCustomers.value").entity(Double.class).isEqualTo(2.0)
                // No customer at the start of June: no churn rate; nobody churned: no lifetime value.
                .path("revenue.rows[0].customerChurnRate.value").valueIsNull()
                .path("revenue.rows[0].monthlyChurnRate.value").entity(Double.class).isEqualTo(0.0)
                .path("revenue.rows[0].ltv.value").valueIsNull()
                // Not compared: no previous value, change or change rate.
                .path("revenue.rows[0].wonRevenue.previous").valueIsNull()
                .path("revenue.rows[0].wonRevenue.change").valueIsNull()
                .path("revenue.rows[0].wonRevenue.changeRate").valueIsNull()
                .path("revenue.total.wonRevenue.value").entity(Double.class).isEqualTo(1800.0)
                .path("revenue.groupTotals").entityList(Object.class).hasSize(0)
                .path("revenue.timeZone").entity(String.class).isEqualTo("UTC")
                .path("revenue.weekStart").entity(String.class).isEqualTo("MONDAY")
                .path("revenue.knownAt").valueIsNull();
    }

    @Test
    void groupsBySourceWithUnattributedDealsListed() {
        graphQl.documentName("revenue").variable("input", june(Map.of("groupBy", List.of("SOURCE")))).execute()
                .path("revenue.rows[*].source").entityList(String.class).containsExactly("organic_search", "unattributed")
                .path("revenue.rows[*].wonRevenue.value").entityList(Double.class).containsExactly(1200.0, 600.0)
                .path("revenue.groupTotals[*].source").entityList(String.class).containsExactly("organic_search", "unattributed")
                .path("revenue.groupTotals[0].period.label").entity(String.class).isEqualTo("2024-06 – 2024-06")
                .path("revenue.total.wonRevenue.value").entity(Double.class).isEqualTo(1800.0);
    }

    @Test
    void comparesWithThePreviousYear() {
        // June 2023: p1 (organic, 800).
        graphQl.documentName("revenue").variable("input", june(Map.of("compare", "PREVIOUS_YEAR"))).execute()
                .path("revenue.rows[0].wonRevenue.previous").entity(Double.class).isEqualTo(800.0)
                .path("revenue.rows[0].wonRevenue.change").entity(Double.class).isEqualTo(1000.0)
                .path("revenue.rows[0].wonRevenue.changeRate").entity(Double.class).isEqualTo(1.25)
                .path("revenue.rows[0].wonDeals.previous").entity(Double.class).isEqualTo(1.0);
    }

    @Test
    void echoesTheAsOfAndTimeZoneItComputedFor() {
        Map<String, Object> input = june(Map.of("asOf", "2024-06-15T00:00:00Z", "timeZone", "Europe/Berlin", "weekStart", "SUNDAY"));

        // By June 15 (Berlin's June starts 2 hours before UTC's): only r1 (June 3).
        graphQl.documentName("revenue").variable("input", input).execute()
                .path("revenue.asOf").entity(String.class).isEqualTo("2024-06-15T00:00:00.000Z")
                .path("revenue.timeZone").entity(String.class).isEqualTo("Europe/Berlin")
                .path("revenue.weekStart").entity(String.class).isEqualTo("SUNDAY")
                .path("revenue.rows[0].period.complete").entity(Boolean.class).isEqualTo(false)
                .path("revenue.rows[0].wonRevenue.value").entity(Double.class).isEqualTo(1200.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no range              | {}                                                                                  | Variable 'input'",
            "to before from        | {\"range\": {\"from\": \"2024-06-30\", \"to\": \"2024-06-01\"}}                          | ends (2024-06-01) before it starts",
            "unknown time zone     | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"timeZone\": \"Mars/Base\"} | Unknown time zone 'Mars/Base'",
            "unknown source        | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"sources\": [\"google\"]}   | Unknown source 'google'",
            "unknown channel       | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"channels\": [\"social\"]}  | Unknown channel 'social'",
            "repeated dimension    | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"groupBy\": [\"SOURCE\", \"SOURCE\"]} | names a dimension twice",
            "too many periods      | {\"range\": {\"from\": \"1990-01-01\", \"to\": \"2024-06-30\"}, \"grain\": \"DAY\"}            | at most 1000",
    })
    void badInputIsABadRequestThatSaysWhatToChange(String name, String json, String message) throws Exception {
        Map<String, Object> input = new tools.jackson.databind.ObjectMapper().readValue(json, new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });

        graphQl.documentName("revenue").variable("input", input).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getMessage()).contains(message).doesNotContain("SELECT", "Exception", "at io.");
            if (!name.equals("no range")) {
                assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            }
        });
    }

    /** r1 (organic, June 3, 1200, MRR 100), r2 (no contact, June 20, 600, MRR 50), p1 (organic, June 10, 2023, 800). */
    @TestConfiguration(proxyBeanMethods = false)
    static class ThreeDeals {

        @Bean
        Workspaces workspaces() throws IOException {
            Warehouse warehouse = TestWarehouses.inMemory();
            load(warehouse, Dataset.CONTACTS, "contact_id,created_at,source\nk1,2023-05-01,ORGANIC_SEARCH\n");
            load(warehouse, Dataset.DEALS, """
                    deal_id,amount,closed_at,contact_id,type,mrr
                    r1,1200,2024-06-03,k1,new,100
                    r2,600,2024-06-20,,new,50
                    p1,800,2023-06-10,k1,renewal,
                    """);
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

package io.funnelql.api.cost;

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
 * The {@code cost} query's contract on a hand-built month (the metrics are tested in depth in the query layer):
 * names and shapes, nulls without spend, grouping, comparison and errors.
 */
@GraphQlTest(CostController.class)
@Import({CostReports.class, ReportSliceConfiguration.class, CostControllerTests.OneMonth.class})
class CostControllerTests {

    @Autowired
    GraphQlTester graphQl;

    static Map<String, Object> june(Map<String, Object> extra) {
        Map<String, Object> input = new HashMap<>(Map.of("range", Map.of("from", "2024-06-01", "to", "2024-06-30")));
        input.putAll(extra);
        return input;
    }

    @Test
    void answersSpendBesideWhatItBought() {
        GraphQlTester.Response response = graphQl.documentName("cost").variable("input", june(Map.of())).execute();

        // June: 1500 spent (paid 1000, display 500); leads k1 k2; customer k1 (3000 won, MRR 250), who counts
        // as an MQL on the day it became a customer (cumulative entries).
        response.path("cost.rows").entityList(Object.class).hasSize(1)
                .path("cost.rows[0].spend.value").entity(Double.class).isEqualTo(1500.0)
                .path("cost.rows[0].leads.value").entity(Double.class).isEqualTo(2.0)
                .path("cost.rows[0].costPerLead.value").entity(Double.class).isEqualTo(750.0)
                // 750 a lead against a target of 600.
                .path("cost.rows[0].costPerLead.target").entity(Double.class).isEqualTo(600.0)
                .path("cost.rows[0].costPerLead.attainment").entity(Double.class).isEqualTo(1.25)
                .path("cost.rows[0].mqls.value").entity(Double.class).isEqualTo(1.0)
                .path("cost.rows[0].costPerMql.value").entity(Double.class).isEqualTo(1500.0)
                .path("cost.rows[0].newCustomers.value").entity(Double.class).isEqualTo(1.0)
                .path("cost.rows[0].cac.value").entity(Double.class).isEqualTo(1500.0)
                .path("cost.rows[0].wonRevenue.value").entity(Double.class).isEqualTo(3000.0)
                .path("cost.rows[0].roi.value").entity(Double.class).isEqualTo(1.0)
                .path("cost.rows[0].paybackMonths.value").entity(Double.class).isEqualTo(6.0)
                .path("cost.rows[0].ltv.value").valueIsNull()
                .path("cost.rows[0].ltvToCac.value").valueIsNull()
                .path("cost.total.spend.value").entity(Double.class).isEqualTo(1500.0)
                .path("cost.groupTotals").entityList(Object.class).hasSize(0)
                .path("cost.timeZone").entity(String.class).isEqualTo("UTC")
                .path("cost.knownAt").valueIsNull();
    }

    @Test
    void showsSourcesWithSpendAndNoContactsAndContactsAndNoSpend() {
        graphQl.documentName("cost").variable("input", june(Map.of("groupBy", List.of("SOURCE")))).execute()
                .path("cost.rows[*].source").entityList(String.class).containsExactly("display", "organic_search", "paid_search")
                // display: 500 spent, no lead: no cost per lead. organic: a lead, nothing spent: no cost per lead either.
                .path("cost.rows[*].spend.value").entityList(Double.class).containsExactly(500.0, 0.0, 1000.0)
                .path("cost.rows[0].costPerLead.value").valueIsNull()
                .path("cost.rows[1].leads.value").entity(Double.class).isEqualTo(1.0)
                .path("cost.rows[1].costPerLead.value").valueIsNull()
                .path("cost.rows[1].cac.value").valueIsNull()
                .path("cost.rows[2].cac.value").entity(Double.class).isEqualTo(1000.0)
                .path("cost.groupTotals[*].source").entityList(String.class).containsExactly("display", "organic_search", "paid_search");
    }

    @Test
    void comparesWithThePreviousPeriod() {
        // May: 400 spent on paid search, no customer.
        graphQl.documentName("cost").variable("input", june(Map.of("compare", "PREVIOUS_PERIOD"))).execute()
                .path("cost.rows[0].spend.previous").entity(Double.class).isEqualTo(400.0)
                .path("cost.rows[0].spend.change").entity(Double.class).isEqualTo(1100.0)
                .path("cost.rows[0].spend.changeRate").entity(Double.class).isEqualTo(2.75)
                .path("cost.rows[0].cac.previous").valueIsNull()
                .path("cost.rows[0].cac.change").valueIsNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "to before from        | {\"range\": {\"from\": \"2024-06-30\", \"to\": \"2024-06-01\"}}                          | ends (2024-06-01) before it starts",
            "unknown time zone     | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"timeZone\": \"Mars/Base\"} | Unknown time zone 'Mars/Base'",
            "unknown source        | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"sources\": [\"google\"]}   | Unknown source 'google'",
            "empty source          | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"sources\": [\" \"]}        | may not contain empty names",
            "too many periods      | {\"range\": {\"from\": \"1990-01-01\", \"to\": \"2024-06-30\"}, \"grain\": \"DAY\"}            | at most 1000",
    })
    void badInputIsABadRequestThatSaysWhatToChange(String name, String json, String message) throws Exception {
        Map<String, Object> input = new tools.jackson.databind.ObjectMapper().readValue(json, new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });

        graphQl.documentName("cost").variable("input", input).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(errors.get(0).getMessage()).contains(message).doesNotContain("SELECT", "Exception", "at io.");
        });
    }

    /**
     * June 2024: k1 (paid search, lead June 3, customer June 20, deal d1 3000 at MRR 250), k2 (organic, lead
     * June 5); spend paid search 1000, display 500. May 2024: paid search 400. Target: a cost per lead of 600 in June.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class OneMonth {

        @Bean
        Workspaces workspaces() throws IOException {
            Warehouse warehouse = TestWarehouses.inMemory();
            load(warehouse, Dataset.CONTACTS, """
                    contact_id,created_at,source,lead_at,customer_at
                    k1,2024-06-03,PAID_SEARCH,2024-06-03,2024-06-20
                    k2,2024-06-05,ORGANIC_SEARCH,2024-06-05,
                    """);
            load(warehouse, Dataset.SPEND, """
                    date,source,amount
                    2024-06-10,paid_search,1000
                    2024-06-11,display,500
                    2024-05-10,paid_search,400
                    """);
            load(warehouse, Dataset.DEALS, "deal_id,amount,closed_at,contact_id,type,mrr\nd1,3000,2024-06-20,k1,new,250\n");
            load(warehouse, Dataset.TARGETS, "metric,period_start,grain,value\ncost_per_lead,2024-06-01,MONTH,600\n");
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

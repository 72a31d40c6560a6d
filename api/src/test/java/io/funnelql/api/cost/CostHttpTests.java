package io.funnelql.api.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.funnelql.api.ServerTest;
import io.funnelql.api.load.LoadService;

/**
 * The cost report over real HTTP against the running server: load contacts and spend through the load service,
 * ask GraphQL and the export endpoint. The server is shared with other tests, so the data sits in 2017 under
 * a source of its own.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CostHttpTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    LoadService loads;

    void load(String dataset, String csv) {
        loads.load(dataset, "text/csv", "http-cost-" + dataset + ".csv", List.of(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @LocalServerPort
    int port;

    @BeforeAll
    void load() {
        load("contacts", """
                contact_id,created_at,source,lead_at,mql_at,customer_at
                http-cost-1,2017-04-03,http-cost-test,2017-04-03,2017-04-10,2017-05-20
                http-cost-2,2017-04-12,http-cost-test,2017-04-12,,
                """);
        load("spend", "date,source,amount\n2017-04-01,http-cost-test,900\n2017-05-01,http-cost-test,300\n");
        load("targets", "metric,period_start,grain,value,source\ncost_per_lead,2017-04-01,MONTH,500,http-cost-test\n");
    }

    @Test
    void answersCostOverHttpFromLoadedSpendAndContacts() {
        Map<String, Object> input = Map.of("range", Map.of("from", "2017-04-01", "to", "2017-05-31"),
                "sources", List.of("http-cost-test"));

        // April: 900 for 2 leads and 1 MQL; May: 300 for 1 customer.
        graphQl.documentName("cost").variable("input", input).execute()
                .path("cost.rows[*].period.label").entityList(String.class).containsExactly("2017-04", "2017-05")
                .path("cost.rows[*].spend.value").entityList(Double.class).containsExactly(900.0, 300.0)
                .path("cost.rows[0].costPerLead.value").entity(Double.class).isEqualTo(450.0)
                .path("cost.rows[0].costPerMql.value").entity(Double.class).isEqualTo(900.0)
                .path("cost.rows[0].cac.value").valueIsNull()
                .path("cost.rows[1].cac.value").entity(Double.class).isEqualTo(300.0)
                .path("cost.total.cac.value").entity(Double.class).isEqualTo(1200.0);
    }

    @Test
    void exportsCostAsCsvWithOneRowPerPeriodGroupAndMetric() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/export/cost"))
                .header("Content-Type", "application/json").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"range": {"from": "2017-04-01", "to": "2017-05-31"}, "sources": ["http-cost-test"],
                         "groupBy": ["SOURCE"]}""")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();
        // April: 900 over 2 leads against a target of 500 (attainment 450 / 500); no customer, so no CAC (an
        // empty cell, not 0).
        assertThat(lines).contains("period,2017-04-01,2017-04-30,2017-04,true,http-cost-test,,costPerLead,450.0,,,,500.0,0.9",
                "period,2017-04-01,2017-04-30,2017-04,true,http-cost-test,,cac,,,,,,",
                "group_total,2017-04-01,2017-05-31,2017-04 – 2017-05,true,http-cost-test,,cac,1200.0,,,,,");
        // 2 periods, the group total and the total, 15 metrics each.
        assertThat(lines).hasSize(1 + 4 * 15);
    }

    @Test
    void badExportInputIsA400ThatSaysWhatToChange() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/export/cost"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"range\": {\"from\": \"2017-04-01\", \"to\": \"2017-05-31\"}, \"sources\": [\"nope\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Unknown source 'nope'");
    }
}

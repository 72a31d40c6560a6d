package io.funnelql.api.revenue;

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
 * The revenue report over real HTTP against the running server: load contacts and deals through the load
 * service, ask GraphQL and the export endpoint. The server is shared with other tests, so the data sits in
 * 2016 under a source of its own.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevenueHttpTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    LoadService loads;

    void load(String dataset, String csv) {
        loads.load(dataset, "text/csv", "http-revenue-" + dataset + ".csv", List.of(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @LocalServerPort
    int port;

    @BeforeAll
    void load() {
        load("contacts", "contact_id,created_at,source\nhttp-rev-1,2016-01-05,http-revenue-test\n");
        load("deals", """
                deal_id,amount,closed_at,contact_id,type,mrr,churned_at
                http-rev-d1,1200,2016-01-10,http-rev-1,new,100,2016-03-01
                http-rev-d2,600,2016-02-10,http-rev-1,expansion,50,
                """);
    }

    @Test
    void answersRevenueOverHttpFromLoadedDeals() {
        Map<String, Object> input = Map.of("range", Map.of("from", "2016-01-01", "to", "2016-03-31"),
                "sources", List.of("http-revenue-test"), "groupBy", List.of("SOURCE"));

        // January: won 1200 at MRR 100; February: expansion 600 at MRR 50; March 1: the customer churned with 150.
        graphQl.documentName("revenue").variable("input", input).execute()
                .path("revenue.rows[*].period.label").entityList(String.class).containsExactly("2016-01", "2016-02", "2016-03")
                .path("revenue.rows[*].source").entityList(String.class).containsExactly("http-revenue-test", "http-revenue-test", "http-revenue-test")
                .path("revenue.rows[*].wonRevenue.value").entityList(Double.class).containsExactly(1200.0, 600.0, 0.0)
                .path("revenue.rows[*].mrrAtEnd.value").entityList(Double.class).containsExactly(100.0, 150.0, 0.0)
                .path("revenue.rows[2].churnedMrr.value").entity(Double.class).isEqualTo(150.0)
                .path("revenue.rows[2].customerChurnRate.value").entity(Double.class).isEqualTo(1.0)
                .path("revenue.total.wonRevenue.value").entity(Double.class).isEqualTo(1800.0);
    }

    @Test
    void exportsRevenueAsCsvWithOneRowPerPeriodAndMetric() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/export/revenue"))
                .header("Content-Type", "application/json").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"range": {"from": "2016-01-01", "to": "2016-02-29"}, "sources": ["http-revenue-test"],
                         "compare": "PREVIOUS_PERIOD"}""")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("row_type,period_start,period_end,period_label,period_complete,source,channel,"
                + "metric,value,previous,change,change_rate,target,attainment");
        // January against November 2015 and February against December: nothing then, so no change rate.
        assertThat(lines).contains("period,2016-01-01,2016-01-31,2016-01,true,,,wonRevenue,1200.0,0.0,1200.0,,,",
                "period,2016-02-01,2016-02-29,2016-02,true,,,wonRevenue,600.0,0.0,600.0,,,",
                "period,2016-02-01,2016-02-29,2016-02,true,,,averageDealSize,600.0,,,,,",
                "total,2016-01-01,2016-02-29,2016-01 – 2016-02,true,,,mrrAtEnd,150.0,0.0,150.0,,,");
        // 2 periods and the total, 20 metrics each.
        assertThat(lines).hasSize(1 + 3 * 20);
    }
}

package io.funnelql.api.revenue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.funnelql.api.ServerTest;
import io.funnelql.api.load.LoadService;

/**
 * The revenue report over real HTTP against the running server: load contacts and deals through the load
 * service, ask GraphQL. The server is shared with other tests, so the data sits in 2016 under a source of its own.
 */
@ServerTest
class RevenueHttpTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    LoadService loads;

    void load(String dataset, String csv) {
        loads.load(dataset, "text/csv", "http-revenue-" + dataset + ".csv", List.of(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void answersRevenueOverHttpFromLoadedDeals() {
        load("contacts", "contact_id,created_at,source\nhttp-rev-1,2016-01-05,http-revenue-test\n");
        load("deals", """
                deal_id,amount,closed_at,contact_id,type,mrr,churned_at
                http-rev-d1,1200,2016-01-10,http-rev-1,new,100,2016-03-01
                http-rev-d2,600,2016-02-10,http-rev-1,expansion,50,
                """);
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
}

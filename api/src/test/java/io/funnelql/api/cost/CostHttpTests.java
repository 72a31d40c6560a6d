package io.funnelql.api.cost;

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
 * The cost report over real HTTP against the running server: load contacts and spend through the load service,
 * ask GraphQL. The server is shared with other tests, so the data sits in 2017 under a source of its own.
 */
@ServerTest
class CostHttpTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    LoadService loads;

    void load(String dataset, String csv) {
        loads.load(dataset, "text/csv", "http-cost-" + dataset + ".csv", List.of(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void answersCostOverHttpFromLoadedSpendAndContacts() {
        load("contacts", """
                contact_id,created_at,source,lead_at,mql_at,customer_at
                http-cost-1,2017-04-03,http-cost-test,2017-04-03,2017-04-10,2017-05-20
                http-cost-2,2017-04-12,http-cost-test,2017-04-12,,
                """);
        load("spend", "date,source,amount\n2017-04-01,http-cost-test,900\n2017-05-01,http-cost-test,300\n");
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
}

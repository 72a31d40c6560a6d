package io.funnelql.api.funnel;

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
 * The funnel over real HTTP against the running server: load a CSV through the load service, ask GraphQL.
 * The server is shared with other tests, so the data sits in 2015 under a source of its own.
 */
@ServerTest
class FunnelHttpTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    LoadService loads;

    @Test
    void answersAFunnelOverHttpFromLoadedContacts() {
        loads.load("contacts", "text/csv", "http-funnel.csv", List.of(), new ByteArrayInputStream("""
                contact_id,created_at,source,mql_at,customer_at
                http-1,2015-03-02,http-funnel-test,2015-03-05,2015-04-20
                http-2,2015-03-09,http-funnel-test,2015-04-01,
                http-3,2015-04-15,http-funnel-test,,
                """.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> input = Map.of("range", Map.of("from", "2015-03-01", "to", "2015-04-30"),
                "stages", List.of("CREATED", "MQL", "CUSTOMER"), "sources", List.of("http-funnel-test"),
                "groupBy", List.of("SOURCE"));

        // March: http-1 and http-2 created, both MQLs, http-1 a customer; April: http-3 created.
        graphQl.documentName("funnel").variable("input", input).execute()
                .path("funnel.rows[*].period.label").entityList(String.class).containsExactly("2015-03", "2015-04")
                .path("funnel.rows[*].source").entityList(String.class).containsExactly("http-funnel-test", "http-funnel-test")
                .path("funnel.rows[0].steps[*].count").entityList(Integer.class).containsExactly(2, 2, 1)
                .path("funnel.rows[1].steps[*].count").entityList(Integer.class).containsExactly(1, 0, 0)
                .path("funnel.totals[2].overallRate").entity(Double.class).isEqualTo(1.0 / 3);
    }

    @Test
    void aLoadIsSeenByTheNextReportDespiteTheCache() {
        Map<String, Object> input = Map.of("range", Map.of("from", "2014-01-01", "to", "2014-01-31"),
                "stages", List.of("CREATED"), "sources", List.of("cache-test"));
        loads.load("contacts", "text/csv", "cache-1.csv", List.of(), new ByteArrayInputStream(
                "contact_id,created_at,source\ncache-1,2014-01-05,cache-test\n".getBytes(StandardCharsets.UTF_8)));
        graphQl.documentName("funnel").variable("input", input).execute()
                .path("funnel.totals[0].count").entity(Integer.class).isEqualTo(1);

        loads.load("contacts", "text/csv", "cache-2.csv", List.of(), new ByteArrayInputStream(
                "contact_id,created_at,source\ncache-2,2014-01-06,cache-test\n".getBytes(StandardCharsets.UTF_8)));

        graphQl.documentName("funnel").variable("input", input).execute()
                .path("funnel.totals[0].count").entity(Integer.class).isEqualTo(2);
        graphQl.mutate().header("Cache-Control", "no-cache").build().documentName("funnel").variable("input", input).execute()
                .path("funnel.totals[0].count").entity(Integer.class).isEqualTo(2);
    }
}

package io.funnelql.api.velocity;

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
 * Velocity over real HTTP against the running server: load contacts through the load service, ask GraphQL.
 * The server is shared with other tests, so the data sits in 2013 under a source of its own.
 */
@ServerTest
class VelocityHttpTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    LoadService loads;

    @Test
    void answersMqlToSqlVelocityOverHttpFromLoadedContacts() {
        loads.load("contacts", "text/csv", "http-velocity.csv", List.of(), new ByteArrayInputStream("""
                contact_id,created_at,source,mql_at,sql_at
                http-v1,2013-04-01,http-velocity-test,2013-04-02,2013-04-03
                http-v2,2013-04-01,http-velocity-test,2013-04-05,2013-04-09
                http-v3,2013-04-01,http-velocity-test,2013-04-08,2013-04-18
                http-v4,2013-04-01,http-velocity-test,2013-04-09,
                """.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> input = Map.of("range", Map.of("from", "2013-04-01", "to", "2013-04-30"),
                "fromStage", "MQL", "toStage", "SQL", "sources", List.of("http-velocity-test"));

        // 1, 4 and 10 days (http-v4 is no SQL yet): median 4; p75 at 1.5: 4 + 0.5 x 6 = 7; p90 at 1.8: 4 + 0.8 x 6 = 8.8.
        graphQl.documentName("velocity").variable("input", input).execute()
                .path("velocity.rows[0].contacts.value").entity(Double.class).isEqualTo(3.0)
                .path("velocity.rows[0].medianDays.value").entity(Double.class).isEqualTo(4.0)
                .path("velocity.rows[0].p75Days.value").entity(Double.class).isEqualTo(7.0)
                .path("velocity.total.p90Days.value").entity(Double.class).isEqualTo(8.8);
    }
}

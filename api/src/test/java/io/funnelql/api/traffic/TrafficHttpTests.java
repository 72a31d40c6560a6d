package io.funnelql.api.traffic;

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
 * Traffic over real HTTP against the running server: load sessions through the load service, ask GraphQL.
 * The server is shared with other tests, so the data sits in 2014 under a source of its own.
 */
@ServerTest
class TrafficHttpTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    LoadService loads;

    @Test
    void answersWeeklyTrafficOverHttpFromLoadedSessions() {
        loads.load("sessions", "text/csv", "http-traffic.csv", List.of(), new ByteArrayInputStream("""
                session_id,started_at,source,visitor_id,pageviews,bounced
                http-t1,2014-03-03 10:00,http-traffic-test,http-v1,1,true
                http-t2,2014-03-04 10:00,http-traffic-test,http-v2,3,false
                http-t3,2014-03-11 10:00,http-traffic-test,http-v1,5,false
                """.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> input = Map.of("range", Map.of("from", "2014-03-03", "to", "2014-03-16"), "grain", "WEEK",
                "sources", List.of("http-traffic-test"), "groupBy", List.of("SOURCE"));

        // Week of Mar 3: t1 (v1, bounced) and t2 (v2); week of Mar 10: t3 (v1 back). Over both: v1 and v2.
        graphQl.documentName("traffic").variable("input", input).execute()
                .path("traffic.rows[*].period.label").entityList(String.class).containsExactly("2014-03-03", "2014-03-10")
                .path("traffic.rows[*].sessions.value").entityList(Double.class).containsExactly(2.0, 1.0)
                .path("traffic.rows[*].uniqueVisitors.value").entityList(Double.class).containsExactly(2.0, 1.0)
                .path("traffic.rows[*].returningVisitors.value").entityList(Double.class).containsExactly(0.0, 1.0)
                .path("traffic.rows[*].bounceRate.value").entityList(Double.class).containsExactly(0.5, 0.0)
                .path("traffic.total.uniqueVisitors.value").entity(Double.class).isEqualTo(2.0)
                .path("traffic.total.pageviewsPerSession.value").entity(Double.class).isEqualTo(3.0);
    }
}

package io.funnelql.api.traffic;

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
 * Traffic over real HTTP against the running server: load sessions through the load service, ask GraphQL.
 * The server is shared with other tests, so the data sits in 2014 under a source of its own.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrafficHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    LoadService loads;

    @BeforeAll
    void load() {
        loads.load("sessions", "text/csv", "http-traffic.csv", List.of(), new ByteArrayInputStream("""
                session_id,started_at,source,visitor_id,pageviews,bounced
                http-t1,2014-03-03 10:00,http-traffic-test,http-v1,1,true
                http-t2,2014-03-04 10:00,http-traffic-test,http-v2,3,false
                http-t3,2014-03-11 10:00,http-traffic-test,http-v1,5,false
                """.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void answersWeeklyTrafficOverHttpFromLoadedSessions() {
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

    @Test
    void exportsTrafficAsCsvWithOneRowPerPeriodAndMetric() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/export/traffic"))
                .header("Content-Type", "application/json").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"range": {"from": "2014-03-03", "to": "2014-03-16"}, "grain": "WEEK",
                         "sources": ["http-traffic-test"]}""")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().lines().toList()).contains(
                "period,2014-03-03,2014-03-09,2014-03-03,true,,,sessions,2.0,,,,,",
                "period,2014-03-10,2014-03-16,2014-03-10,true,,,uniqueVisitors,1.0,,,,,",
                "total,2014-03-03,2014-03-16,2014-03-03 – 2014-03-10,true,,,uniqueVisitors,2.0,,,,,");
    }
}

package io.funnelql.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.warehouse.TestWarehouses;

/**
 * A server with small limits: bodies over them are answered 413 before anything is loaded or run (whether they
 * declare their length or not), a report over the most rows is refused, and introspection is off.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "funnelql.database=" + FunnelqlProperties.IN_MEMORY, "funnelql.max-upload-size=2KB", "funnelql.max-request-size=4KB",
        "funnelql.max-cells=3", "funnelql.graphql.introspection=false"})
class RequestLimitsHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    HttpResponse<String> post(String path, String contentType, BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).POST(body).build(), BodyHandlers.ofString());
    }

    static String contacts(int rows) {
        StringBuilder csv = new StringBuilder("contact_id,created_at\n");
        for (int i = 0; i < rows; i++) {
            csv.append("limit-").append(i).append(",2024-06-03\n");
        }
        return csv.toString();
    }

    static BodyPublisher chunked(String body) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    @Test
    void anUploadOverTheLimitIs413AndLoadsNothingWhetherItDeclaresItsLengthOrNot() throws Exception {
        Map<String, String> before = TestWarehouses.snapshot(workspaces.current().warehouse(), true);
        String csv = contacts(200);

        HttpResponse<String> declared = post("/api/loads/contacts", "text/csv", BodyPublishers.ofString(csv));
        HttpResponse<String> streamed = post("/api/loads/contacts", "text/csv", chunked(csv));

        for (HttpResponse<String> response : java.util.List.of(declared, streamed)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(body(response).get("error").asString()).isEqualTo("The upload is larger than 2 KB, the most this "
                    + "server accepts for one load (funnelql.max-upload-size); split the file, or load it with the load "
                    + "command. Nothing was loaded or run.");
            assertThat(body(response).get("totalProblems").asInt()).isZero();
        }
        assertThat(TestWarehouses.snapshot(workspaces.current().warehouse(), true)).isEqualTo(before);
        assertThat(post("/api/loads/contacts", "text/csv", chunked(contacts(3))).statusCode()).isEqualTo(200);
    }

    @Test
    void aGraphQlRequestOverTheLimitIs413() throws Exception {
        String query = json.writeValueAsString(Map.of("query", "{ sources { source } }", "variables",
                Map.of("padding", "x".repeat(5000))));

        HttpResponse<String> declared = post("/graphql", "application/json", BodyPublishers.ofString(query));
        HttpResponse<String> streamed = post("/graphql", "application/json", chunked(query));

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(body(declared).get("error").asString()).isEqualTo("The request body is larger than 4 KB, the most this "
                + "server accepts (funnelql.max-request-size). Nothing was loaded or run.");
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(body(streamed).get("error")).isEqualTo(body(declared).get("error"));
    }

    @Test
    void aReportWithMoreRowsThanMaxCellsIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/graphql", "application/json", BodyPublishers.ofString(
                "{\"query\": \"{ funnel(input: {range: {from: \\\"2024-01-01\\\", to: \\\"2024-06-30\\\"}}) { totals { count } } }\"}"));

        JsonNode error = body(response).get("errors").get(0);
        assertThat(error.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.get("message").asString()).isEqualTo("The report would have 6 rows; at most 3 are allowed. "
                + "Shorten the range, use a longer grain or filter sources");
    }

    @Test
    void introspectionCanBeTurnedOff() throws Exception {
        HttpResponse<String> schema = post("/graphql", "application/json",
                BodyPublishers.ofString("{\"query\": \"{ __schema { queryType { name } } }\"}"));
        HttpResponse<String> typename = post("/graphql", "application/json",
                BodyPublishers.ofString("{\"query\": \"{ __typename }\"}"));

        assertThat(body(schema).get("errors").get(0).get("message").asString()).contains("Introspection has been disabled");
        assertThat(body(schema).has("data") && !body(schema).get("data").isNull()).isFalse();
        assertThat(body(typename).at("/data/__typename").asString()).isEqualTo("Query");
    }
}

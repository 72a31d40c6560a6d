package io.funnelql.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.api.workspace.Workspaces;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;
import io.funnelql.warehouse.access.ApiKeys;
import io.funnelql.warehouse.access.KeyRole;

/**
 * A real server with API keys on and two workspaces, {@code default} and {@code b}, one warehouse file each. The
 * keys are created in the files before the server starts, as {@code keys create --db} does. A key of one
 * workspace never reads or loads the other's data; a missing or wrong key is 401, a role too low 403.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiKeyHttpTests {

    static Path dir;
    static String readA;
    static String loadA;
    static String adminA;
    static String loadB;
    static String copiedIntoB;

    @DynamicPropertySource
    static void warehousesWithKeys(DynamicPropertyRegistry registry) throws IOException {
        dir = Files.createTempDirectory("funnelql-keys");
        Path a = dir.resolve("a.duckdb");
        Path b = dir.resolve("b.duckdb");
        try (Warehouse warehouse = Warehouse.open(a, WarehouseSettings.defaults())) {
            ApiKeys keys = new ApiKeys(warehouse);
            readA = keys.create(Workspaces.DEFAULT, KeyRole.READ, "dashboard").secret();
            loadA = keys.create(Workspaces.DEFAULT, KeyRole.LOAD, "etl").secret();
            adminA = keys.create(Workspaces.DEFAULT, KeyRole.ADMIN, "ops").secret();
        }
        try (Warehouse warehouse = Warehouse.open(b, WarehouseSettings.defaults())) {
            ApiKeys keys = new ApiKeys(warehouse);
            loadB = keys.create("b", KeyRole.LOAD, null).secret();
            // A key recorded for another workspace, as in a copy of another client's warehouse: not accepted.
            copiedIntoB = keys.create(Workspaces.DEFAULT, KeyRole.ADMIN, null).secret();
        }
        registry.add("funnelql.database", a::toString);
        registry.add("funnelql.workspaces.b.database", b::toString);
        registry.add("funnelql.security.enabled", () -> "true");
        registry.add("server.address", () -> "127.0.0.1");
    }

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    HttpResponse<String> send(String method, String path, @Nullable String key, String contentType, String body,
                              String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> graphQl(@Nullable String key, String query, String... headers) {
        return send("POST", "/graphql", key, "application/json", json.writeValueAsString(Map.of("query", query)), headers);
    }

    HttpResponse<String> load(@Nullable String key, String dataset, String csv, String... headers) {
        return send("POST", "/api/loads/" + dataset + "?file=" + dataset + ".csv", key, "text/csv", csv, headers);
    }

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    Map<String, String> snapshot(String workspace) {
        return TestWarehouses.snapshot(workspaces.find(workspace).orElseThrow().warehouse(), true);
    }

    static final String FUNNEL = "{ funnel(input: {range: {from: \"2012-01-01\", to: \"2012-01-31\"}, stages: [CREATED]}) "
            + "{ totals { count } } }";

    @Test
    void withoutAKeyEveryRequestButHealthIs401() {
        for (HttpResponse<String> response : List.of(graphQl(null, "{ sources { source } }"),
                load(null, "contacts", "contact_id,created_at\nn1,2012-01-05\n"),
                send("POST", "/api/export/funnel", null, "application/json", "{}"),
                send("GET", "/api/loads", null, "application/json", ""),
                send("GET", "/api/keys", null, "application/json", ""),
                send("GET", "/actuator/metrics", null, "application/json", ""))) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(401);
            assertThat(body(response).get("error").asString())
                    .isEqualTo("This request needs an API key: send the header Authorization: Bearer <key>.");
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"funnelql\"");
        }
        assertThat(send("GET", "/actuator/health", null, "application/json", "").statusCode()).isEqualTo(200);
        HttpResponse<String> graphiql = send("GET", "/graphiql", null, "text/html", "");
        assertThat(graphiql.statusCode()).isEqualTo(307);
        assertThat(send("GET", graphiql.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""),
                null, "text/html", "").statusCode()).isEqualTo(200);
    }

    @Test
    void theDashboardAndItsFilesOpenWithoutAKeyButItsQueriesNeedOne() {
        for (String path : List.of("/", "/index.html", "/js/dashboard/main.js", "/js/dashboard/queries.js", "/css/dashboard.css",
                "/webjars/echarts/dist/echarts.min.js")) {
            assertThat(send("GET", path, null, "text/plain", "").statusCode()).as(path).isEqualTo(200);
        }
        assertThat(send("GET", "/", null, "text/html", "").body()).contains("<title>FunnelQL dashboard</title>");
        assertThat(graphQl(null, "query DashboardSources { sources { source } }").statusCode()).isEqualTo(401);
        assertThat(graphQl(readA, "query DashboardSources { sources { source } }").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongOrMalformedKeyIs401WithoutTouchingAnyData() {
        Map<String, String> before = snapshot("default");

        HttpResponse<String> unknown = load(ApiKeys.PREFIX + "A".repeat(43), "contacts", "contact_id,created_at\nw1,2012-01-05\n");
        HttpResponse<String> basic = send("POST", "/graphql", null, "application/json", "{\"query\": \"{ sources { source } }\"}",
                "Authorization", "Basic YWRtaW46YWRtaW4=");
        HttpResponse<String> truncated = graphQl(readA.substring(0, 20), "{ sources { source } }");

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(body(unknown).get("error").asString()).startsWith("The API key is not valid here");
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(body(basic).get("error").asString()).startsWith("The Authorization header must be 'Bearer <key>'");
        assertThat(truncated.statusCode()).isEqualTo(401);
        assertThat(snapshot("default")).isEqualTo(before);
    }

    @Test
    void aReadKeyReadsButCannotLoadOrManageKeys() {
        Map<String, String> before = snapshot("default");

        assertThat(graphQl(readA, "{ sources { source } }").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/loads", readA, "application/json", "").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/export/funnel", readA, "application/json",
                "{\"range\": {\"from\": \"2012-01-01\", \"to\": \"2012-01-31\"}}").statusCode()).isEqualTo(200);
        HttpResponse<String> load = load(readA, "contacts", "contact_id,created_at\nr1,2012-01-05\n");
        HttpResponse<String> keys = send("GET", "/api/keys", readA, "application/json", "");
        HttpResponse<String> metrics = send("GET", "/actuator/metrics", readA, "application/json", "");
        HttpResponse<String> backup = send("POST", "/api/backup", loadA, "application/json", "");

        assertThat(load.statusCode()).isEqualTo(403);
        assertThat(body(load).get("error").asString()).startsWith("This key's role does not allow this request");
        assertThat(keys.statusCode()).isEqualTo(403);
        assertThat(metrics.statusCode()).isEqualTo(403);
        assertThat(backup.statusCode()).as("a load key cannot take backups").isEqualTo(403);
        assertThat(snapshot("default")).isEqualTo(before);
    }

    @Test
    void savingAKpiDefinitionNeedsALoadKeyAndStaysInItsWorkspace() {
        String save = "mutation { saveKpiDefinition(input: {id: \"keyed_mqls\", name: \"Keyed MQLs\", metric: \"mqls\"}) "
                + "{ created definition { version } } }";

        HttpResponse<String> read = graphQl(readA, save);
        HttpResponse<String> loaded = graphQl(loadA, save);

        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode refused = body(read).get("errors").get(0);
        assertThat(refused.get("extensions").get("classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(refused.get("message").asString())
                .isEqualTo("Saving a KPI definition needs an API key with role load or higher; this key has role read.");
        assertThat(body(loaded).get("data").get("saveKpiDefinition").get("definition").get("version").asInt()).isEqualTo(1);
        assertThat(body(graphQl(readA, "{ kpiDefinitions(id: \"keyed_mqls\") { version } }")).get("data")
                .get("kpiDefinitions").size()).isEqualTo(1);
        assertThat(body(graphQl(loadB, "{ kpiDefinitions(id: \"keyed_mqls\") { version } }")).get("errors").get(0)
                .get("message").asString()).startsWith("Unknown KPI 'keyed_mqls'");
    }

    @Test
    void aKeyOfOneWorkspaceNeverReadsOrLoadsTheOther() {
        Map<String, String> bBefore = snapshot("b");

        HttpResponse<String> loaded = load(loadA, "contacts", "contact_id,created_at\nia1,2012-01-05\nia2,2012-01-06\n");

        assertThat(loaded.statusCode()).isEqualTo(200);
        assertThat(snapshot("b")).as("workspace b is untouched by a's load").isEqualTo(bBefore);
        assertThat(TestWarehouses.count(workspaces.find("default").orElseThrow().warehouse(),
                "SELECT count(*) FROM contacts WHERE contact_id IN ('ia1', 'ia2')")).isEqualTo(2);

        HttpResponse<String> loadedB = load(loadB, "contacts", "contact_id,created_at\nib1,2012-01-07\n");
        assertThat(loadedB.statusCode()).isEqualTo(200);

        // Each key sees its own workspace's contacts and load history, and nothing of the other's.
        assertThat(body(graphQl(readA, FUNNEL)).at("/data/funnel/totals/0/count").asInt()).isEqualTo(2);
        assertThat(body(graphQl(loadB, FUNNEL)).at("/data/funnel/totals/0/count").asInt()).isEqualTo(1);
        // Asked again, both answers come from the response cache, each from its own workspace's entry.
        assertThat(body(graphQl(readA, FUNNEL)).at("/data/funnel/totals/0/count").asInt()).isEqualTo(2);
        assertThat(body(graphQl(loadB, FUNNEL)).at("/data/funnel/totals/0/count").asInt()).isEqualTo(1);
        assertThat(graphQl(readA, "{ loads { fileName } }").body()).contains("contacts.csv");
        assertThat(body(graphQl(loadB, "{ loads { loadId } }")).at("/data/loads").size()).isEqualTo(1);
        assertThat(body(send("GET", "/api/loads", loadB, "application/json", "")).size()).isEqualTo(1);

        // Naming the other workspace is refused rather than quietly answered from one's own.
        HttpResponse<String> elsewhere = load(loadA, "contacts", "contact_id,created_at\nia3,2012-01-08\n",
                "FunnelQL-Workspace", "b");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(body(elsewhere).get("error").asString())
                .isEqualTo("This key belongs to workspace 'default'; it cannot use workspace 'b'.");
        assertThat(graphQl(readA, FUNNEL, "FunnelQL-Workspace", "b").statusCode()).isEqualTo(403);
    }

    @Test
    void savingOrDeletingAReportNeedsRoleLoadAndTheReportStaysInItsWorkspace() {
        String save = "mutation { saveReport(name: \"Keys: January\", kind: FUNNEL, input: {range: {from: \"2012-01-01\", "
                + "to: \"2012-01-31\"}, stages: [CREATED]}) { id } }";
        String delete = "mutation { deleteSavedReport(id: \"keys-january\") { id } }";

        JsonNode denied = body(graphQl(readA, save));
        assertThat(denied.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(denied.at("/errors/0/message").asString())
                .isEqualTo("Saving a report needs an API key with role load or higher; this key has role read.");
        assertThat(body(graphQl(readA, "{ savedReports { id } }")).at("/data/savedReports").size()).isZero();

        assertThat(body(graphQl(loadA, save)).at("/data/saveReport/id").asString()).isEqualTo("keys-january");
        // A read key runs it; workspace b has no such report.
        assertThat(body(graphQl(readA, "{ runSavedReport(id: \"keys-january\") { funnel { stages } } }"))
                .at("/data/runSavedReport/funnel/stages/0").asString()).isEqualTo("CREATED");
        assertThat(body(graphQl(loadB, "{ savedReports { id } }")).at("/data/savedReports").size()).isZero();
        assertThat(body(graphQl(loadB, delete)).at("/errors/0/extensions/classification").asString()).isEqualTo("NOT_FOUND");

        assertThat(body(graphQl(readA, delete)).at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(body(graphQl(adminA, delete)).at("/data/deleteSavedReport/id").asString()).isEqualTo("keys-january");
    }

    @Test
    void aKeyRecordedForAnotherWorkspaceIsNotAcceptedInACopiedFile() {
        assertThat(graphQl(copiedIntoB, "{ sources { source } }").statusCode()).isEqualTo(401);
    }

    @Test
    void anAdminCreatesAKeyThatWorksAtOnceAndRevokesItSoItStops() {
        HttpResponse<String> created = send("POST", "/api/keys", adminA, "application/json",
                "{\"role\": \"read\", \"name\": \"temporary\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String key = body(created).get("key").asString();
        String id = body(created).get("id").asString();
        assertThat(body(created).get("workspace").asString()).isEqualTo("default");
        assertThat(graphQl(key, "{ sources { source } }").statusCode()).isEqualTo(200);

        HttpResponse<String> listed = send("GET", "/api/keys", adminA, "application/json", "");
        assertThat(listed.body()).contains(id, "temporary").doesNotContain(key, readA.substring(4));

        HttpResponse<String> revoked = send("DELETE", "/api/keys/" + id, adminA, "application/json", "");
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(body(revoked).get("revokedAt").isNull()).isFalse();
        assertThat(graphQl(key, "{ sources { source } }").statusCode()).isEqualTo(401);
        assertThat(send("DELETE", "/api/keys/" + id, adminA, "application/json", "").statusCode()).isEqualTo(404);
    }

    @Test
    void anAdminManagesOnlyItsOwnWorkspacesKeys() {
        String idOfB = workspaces.find("b").map(w -> new ApiKeys(w.warehouse()).list().get(0).id()).orElseThrow();

        HttpResponse<String> revoke = send("DELETE", "/api/keys/" + idOfB, adminA, "application/json", "");
        HttpResponse<String> badRole = send("POST", "/api/keys", adminA, "application/json", "{\"role\": \"owner\"}");

        assertThat(revoke.statusCode()).isEqualTo(404);
        assertThat(load(loadB, "sessions", "session_id,started_at,source\nkb1,2012-01-05,direct\n").statusCode()).isEqualTo(200);
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(body(badRole).get("error").asString()).isEqualTo("Unknown role 'owner'. The roles are: read, load, admin.");
    }
}

package io.funnelql.api.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.api.ServerTest;
import io.funnelql.api.UploadFiles;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.warehouse.TestWarehouses;

/** Loads over real HTTP into the shared test server; each test loads content no other test does. */
@ServerTest
class LoadHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    HttpResponse<String> post(String pathAndQuery, String contentType, BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    long count(String sql) {
        return TestWarehouses.count(workspaces.current().warehouse(), sql);
    }

    /** A unique contact id, so that tests sharing the server never load the same content. */
    static String id() {
        return "h" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void loadsACsvBodyAndAnswersLoadIdDatasetRowsAndDuplicate() throws Exception {
        String a = id();
        String b = id();
        String csv = "contact_id,created_at,source\n" + a + ",2024-06-03,Organic Search\n" + b + ",2024-06-04,\n";

        HttpResponse<String> response = post("/api/loads/contacts?file=june.csv", "text/csv", BodyPublishers.ofString(csv));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = body(response);
        assertThat(answer.get("dataset").asString()).isEqualTo("contacts");
        assertThat(answer.get("rows").asLong()).isEqualTo(2);
        assertThat(answer.get("duplicate").asBoolean()).isFalse();
        long loadId = answer.get("loadId").asLong();
        assertThat(count("SELECT count(*) FROM contacts WHERE contact_id IN ('" + a + "', '" + b + "')")).isEqualTo(2);
        assertThat(TestWarehouses.rows(workspaces.current().warehouse(),
                "SELECT file_name, format, status, row_count FROM loads WHERE load_id = " + loadId))
                .containsExactly("june.csv|CSV|committed|2");
    }

    @Test
    void sameContentAgainIsADuplicateOfTheFirstLoad() throws Exception {
        String csv = "contact_id,created_at\n" + id() + ",2024-06-03\n";
        long first = body(post("/api/loads/contacts", "text/csv", BodyPublishers.ofString(csv))).get("loadId").asLong();
        long loads = count("SELECT count(*) FROM loads");

        HttpResponse<String> again = post("/api/loads/contacts?file=again.csv", "text/csv; charset=utf-8",
                BodyPublishers.ofString(csv));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(body(again).get("duplicate").asBoolean()).isTrue();
        assertThat(body(again).get("loadId").asLong()).isEqualTo(first);
        assertThat(body(again).get("rows").asLong()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM loads")).isEqualTo(loads);
    }

    @Test
    void badInputAnswers400WithEveryProblemAndLoadsNothing() throws Exception {
        String csv = "contact_id,created_at,mql_at\n" + id() + ",2024-06-03,\n" + id() + ",2024-13-04,\n" + id()
                + ",2024-06-05,soon\n";
        Map<String, String> before = TestWarehouses.snapshot(workspaces.current().warehouse(), false);

        HttpResponse<String> response = post("/api/loads/contacts?file=leads.csv", "text/csv", BodyPublishers.ofString(csv));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode answer = body(response);
        assertThat(answer.get("error").asString()).isEqualTo("Nothing was loaded: 2 problems found in leads.csv.");
        assertThat(answer.get("totalProblems").asLong()).isEqualTo(2);
        JsonNode first = answer.get("problems").get(0);
        assertThat(first.get("file").asString()).isEqualTo("leads.csv");
        assertThat(first.get("line").asLong()).isEqualTo(3);
        assertThat(first.get("row").asLong()).isEqualTo(2);
        assertThat(first.get("column").asString()).isEqualTo("created_at");
        assertThat(first.get("value").asString()).isEqualTo("2024-13-04");
        assertThat(first.get("message").asString()).contains("is not a date");
        JsonNode second = answer.get("problems").get(1);
        assertThat(second.get("line").asLong()).isEqualTo(4);
        assertThat(second.get("column").asString()).isEqualTo("mql_at");
        assertThat(response.body()).doesNotContain(System.getProperty("java.io.tmpdir"), "Exception", "SELECT");
        assertThat(TestWarehouses.snapshot(workspaces.current().warehouse(), false)).isEqualTo(before);
    }

    @Test
    void unknownDatasetAnswers404NamingTheDatasets() throws Exception {
        HttpResponse<String> response = post("/api/loads/leads", "text/csv", BodyPublishers.ofString("a\n1\n"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body(response).get("error").asString())
                .isEqualTo("Unknown dataset 'leads'. The datasets are: contacts, sessions, deals, spend, targets, "
                        + "metric_values, source_map.");
    }

    @Test
    void bodyWithoutAFileContentTypeAnswers415NamingTheFormats() throws Exception {
        HttpResponse<String> response = post("/api/loads/contacts", "application/json", BodyPublishers.ofString("{}"));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(body(response).get("error").asString())
                .contains("text/csv, application/vnd.apache.parquet, application/vnd.apache.arrow.stream");
    }

    @Test
    void malformedHeaderMappingAnswers400() throws Exception {
        HttpResponse<String> response = post("/api/loads/contacts?map=created_at", "text/csv",
                BodyPublishers.ofString("contact_id,created_at\n" + id() + ",2024-06-03\n"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("error").asString()).contains("A header mapping is column=header");
    }

    @Test
    void readsHeadersOfTheUsersOwnThroughRepeatedMapParameters() throws Exception {
        String person = id();
        HttpResponse<String> response = post("/api/loads/contacts?map=contact_id%3DPerson&map=created_at%3DSignup%20Time",
                "text/csv", BodyPublishers.ofString("Person,Signup Time\n" + person + ",2024-06-03\n"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM contacts WHERE contact_id = '" + person + "'")).isEqualTo(1);
    }

    @Test
    void loadsAParquetBody() throws Exception {
        String session = id();
        Path parquet = UploadFiles.parquet(dir.resolve("sessions.parquet"),
                "session_id,started_at,source\n" + session + ",2024-06-03 10:00,Paid Search\n");

        HttpResponse<String> response = post("/api/loads/sessions", "application/vnd.apache.parquet",
                BodyPublishers.ofFile(parquet));

        assertThat(response.statusCode()).isEqualTo(200);
        long loadId = body(response).get("loadId").asLong();
        assertThat(TestWarehouses.rows(workspaces.current().warehouse(),
                "SELECT file_name, format FROM loads WHERE load_id = " + loadId)).containsExactly("upload.parquet|PARQUET");
        assertThat(TestWarehouses.rows(workspaces.current().warehouse(),
                "SELECT source FROM sessions WHERE session_id = '" + session + "'")).containsExactly("paid_search");
    }

    @Test
    void loadsAnArrowStreamBody() throws Exception {
        String session = id();
        byte[] arrow = UploadFiles.arrowStream("session_id,started_at,source\n" + session + ",2024-06-03 10:00,email\n");

        HttpResponse<String> response = post("/api/loads/sessions?file=export.arrows", "application/vnd.apache.arrow.stream",
                BodyPublishers.ofByteArray(arrow));

        assertThat(response.statusCode()).isEqualTo(200);
        long loadId = body(response).get("loadId").asLong();
        assertThat(TestWarehouses.rows(workspaces.current().warehouse(),
                "SELECT file_name, format, row_count FROM loads WHERE load_id = " + loadId))
                .containsExactly("export.arrows|ARROW|1");
    }

    @Test
    void listsTheLoadHistoryAsJson() throws Exception {
        String csv = "date,source,amount\n2024-06-01,paid_search," + (System.nanoTime() % 100000) + "\n";
        long loadId = body(post("/api/loads/spend?file=spend-june.csv", "text/csv", BodyPublishers.ofString(csv)))
                .get("loadId").asLong();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/loads?dataset=spend")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode newest = body(response).get(0);
        assertThat(newest.get("loadId").asLong()).isEqualTo(loadId);
        assertThat(newest.get("fileName").asString()).isEqualTo("spend-june.csv");
        assertThat(newest.get("status").asString()).isEqualTo("COMMITTED");
        assertThat(newest.get("startedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }
}

package io.funnelql.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.funnelql.api.ServerTest;
import io.funnelql.api.load.LoadService;

/**
 * Exports over real HTTP. The server is shared with other tests: this data sits in 2013 under a source of
 * its own, and every request filters on it.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportHttpTests {

    static final String FUNNEL = """
            {"range": {"from": "2013-05-01", "to": "2013-06-30"}, "stages": ["CREATED", "MQL"],
             "sources": ["export-test"], "groupBy": ["SOURCE"]}""";

    @LocalServerPort
    int port;

    @Autowired
    LoadService loads;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void load() {
        loads.load("contacts", "text/csv", "export-test.csv", List.of(), new ByteArrayInputStream("""
                contact_id,created_at,source,company,mql_at
                x1,2013-05-02,export-test,"=HYPERLINK(""http://evil"")",2013-05-10
                x2,2013-05-20,export-test,-5 Corp,
                x3,2013-06-03,export-test,"Acme, Inc.",2013-07-01
                """.getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<byte[]> post(String report, String accept, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/export/" + report))
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void exportsTheFunnelAsCsvWithCountsAndRates() throws Exception {
        HttpResponse<byte[]> response = post("funnel", "text/csv", FUNNEL);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        // May: x1 (MQL) and x2; June: x3 (MQL in July counts in June under CREATED).
        assertThat(new String(response.body(), StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "row_type,period_start,period_end,period_label,period_complete,source,channel,stage,count,step_rate,overall_rate,previous,change,change_rate,target,attainment",
                "period,2013-05-01,2013-05-31,2013-05,true,export-test,,CREATED,2,,1.0,,,,,",
                "period,2013-05-01,2013-05-31,2013-05,true,export-test,,MQL,1,0.5,0.5,,,,,",
                "period,2013-06-01,2013-06-30,2013-06,true,export-test,,CREATED,1,,1.0,,,,,",
                "period,2013-06-01,2013-06-30,2013-06,true,export-test,,MQL,1,1.0,1.0,,,,,",
                "group_total,2013-05-01,2013-06-30,2013-05 – 2013-06,true,export-test,,CREATED,3,,1.0,,,,,",
                "group_total,2013-05-01,2013-06-30,2013-05 – 2013-06,true,export-test,,MQL,2,0.6666666666666666,0.6666666666666666,,,,,",
                "total,2013-05-01,2013-06-30,2013-05 – 2013-06,true,,,CREATED,3,,1.0,,,,,",
                "total,2013-05-01,2013-06-30,2013-05 – 2013-06,true,,,MQL,2,0.6666666666666666,0.6666666666666666,,,,,");
    }

    @Test
    void exportsTheFunnelAsAnArrowStream() throws Exception {
        HttpResponse<byte[]> response = post("funnel", "application/vnd.apache.arrow.stream", FUNNEL);

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.apache.arrow.stream");
        List<String> rows = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(response.body()), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            while (reader.loadNextBatch()) {
                for (int i = 0; i < root.getRowCount(); i++) {
                    rows.add(root.getVector("row_type").getObject(i) + " " + root.getVector("period_start").getObject(i)
                            + " " + root.getVector("stage").getObject(i) + " " + root.getVector("count").getObject(i)
                            + " " + root.getVector("step_rate").getObject(i));
                }
            }
        }
        assertThat(rows).containsExactly("period 15826 CREATED 2 null", "period 15826 MQL 1 0.5",
                "period 15857 CREATED 1 null", "period 15857 MQL 1 1.0", "group_total 15826 CREATED 3 null",
                "group_total 15826 MQL 2 0.6666666666666666", "total 15826 CREATED 3 null", "total 15826 MQL 2 0.6666666666666666");
    }

    @Test
    void exportsContactsAsDuckDbArrowBatches() throws Exception {
        HttpResponse<byte[]> response = post("contacts", "application/vnd.apache.arrow.stream", "{\"sources\": [\"export-test\"]}");

        List<String> rows = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(response.body()), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertThat(root.getSchema().getFields()).extracting(f -> f.getName()).startsWith("contact_id", "created_at", "source")
                    .doesNotContain("email");
            while (reader.loadNextBatch()) {
                for (int i = 0; i < root.getRowCount(); i++) {
                    rows.add(root.getVector("contact_id").getObject(i) + " " + root.getVector("company").getObject(i));
                }
            }
        }
        assertThat(rows).containsExactlyInAnyOrder("x1 =HYPERLINK(\"http://evil\")", "x2 -5 Corp", "x3 Acme, Inc.");
    }

    @Test
    void csvNeutralisesCellsASpreadsheetWouldRunAsFormulas() throws Exception {
        HttpResponse<byte[]> response = post("contacts", "text/csv",
                "{\"sources\": [\"export-test\"], \"created\": {\"from\": \"2013-05-01\", \"to\": \"2013-05-31\"}}");

        List<String> lines = new String(response.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("contact_id,created_at,source,channel,source_raw,source_detail,company,");
        assertThat(String.join("\n", lines)).contains("x1,2013-05-02T00:00:00Z,export-test,unknown,export-test,,\"'=HYPERLINK(\"\"http://evil\"\")\"")
                .contains("x2,2013-05-20T00:00:00Z,export-test,unknown,export-test,,'-5 Corp,");
    }

    @Test
    void badInputIsA400ThatSaysWhatToChange() throws Exception {
        HttpResponse<byte[]> response = post("funnel", "text/csv", "{\"range\": {\"from\": \"2013-06-30\", \"to\": \"2013-06-01\"}}");
        HttpResponse<byte[]> wrongEnum = post("funnel", "application/vnd.apache.arrow.stream",
                "{\"range\": {\"from\": \"2013-06-01\", \"to\": \"2013-06-30\"}, \"grain\": \"FORTNIGHT\"}");
        HttpResponse<byte[]> unknown = post("leads", "text/csv", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("ends (2013-06-01) before it starts");
        assertThat(wrongEnum.statusCode()).isEqualTo(400);
        assertThat(new String(wrongEnum.body(), StandardCharsets.UTF_8)).contains("'grain'").contains("DAY").doesNotContain("io.funnelql");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("Unknown report 'leads'").contains("contacts", "funnel");
    }
}

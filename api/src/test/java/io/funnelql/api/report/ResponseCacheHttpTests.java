package io.funnelql.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.funnelql.api.ServerTest;
import io.funnelql.api.load.LoadService;

/**
 * The response cache over real HTTP: a repeated report query is answered from it with the same bytes, a load
 * makes its answers old, and neither {@code loads} nor a request with {@code Cache-Control: no-cache} is
 * answered from it. The server is shared with other tests, so the data sits in 2011 under a source of its own.
 */
@ServerTest
class ResponseCacheHttpTests {

    static final String FUNNEL = """
            {"query": "query Cached { funnel(input: {range: {from: \\"2011-05-01\\", to: \\"2011-05-31\\"}, \
            sources: [\\"response-cache-test\\"], stages: [CREATED, MQL]}) { totals { stage count } } }"}""";

    @LocalServerPort
    int port;

    @Autowired
    LoadService loads;

    @Autowired
    MeterRegistry registry;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRepeatedReportIsAnsweredFromTheCacheWithTheSameBytesUntilALoad() throws Exception {
        load("rc1,2011-05-02,response-cache-test,2011-05-03\n");
        String first = post(FUNNEL, false);
        double hits = hits();

        String second = post(FUNNEL, false);

        assertThat(second).isEqualTo(first)
                .isEqualTo("{\"data\":{\"funnel\":{\"totals\":[{\"stage\":\"CREATED\",\"count\":1},"
                        + "{\"stage\":\"MQL\",\"count\":1}]}}}");
        assertThat(hits()).isEqualTo(hits + 1);

        load("rc2,2011-05-09,response-cache-test,\n");

        assertThat(post(FUNNEL, false)).contains("{\"stage\":\"CREATED\",\"count\":2}");
    }

    /** Kept and written as UTF-8 bytes: text beyond ASCII arrives intact, fresh and from the cache alike. */
    @Test
    void textBeyondAsciiArrivesTheSameFreshAndCached() throws Exception {
        load("rc3,2011-06-02,Café Zürich 東京,\n");
        String query = """
                {"query": "{ funnel(input: {range: {from: \\"2011-06-01\\", to: \\"2011-06-30\\"}, groupBy: [SOURCE], \
                stages: [CREATED]}) { groupTotals { source steps { count } } } }"}""";

        String fresh = post(query, true);
        String cached = post(query, false);

        assertThat(fresh).contains("{\"source\":\"Café Zürich 東京\",\"steps\":[{\"count\":1}]}");
        assertThat(cached).isEqualTo(fresh);
    }

    @Test
    void freshRequestsAndTheLoadHistoryAreNeverAnsweredFromIt() throws Exception {
        String loadHistory = "{\"query\": \"{ loads { loadId } }\"}";
        post(FUNNEL, false);
        post(loadHistory, false);
        double hits = hits();

        post(FUNNEL, true);
        post(loadHistory, false);

        assertThat(hits()).isEqualTo(hits);
    }

    @Test
    void aMutationMakesEveryKeptAnswerOld() throws Exception {
        String list = "{\"query\": \"{ savedReports { id } }\"}";
        assertThat(post(list, false)).doesNotContain("response-cache-saved");
        post(list, false);

        post("""
                {"query": "mutation { saveReport(name: \\"Response cache saved\\", kind: FUNNEL, \
                input: {range: {from: \\"2011-05-01\\", to: \\"2011-05-31\\"}}) { id } }"}""", false);

        assertThat(post(list, false)).contains("response-cache-saved");
    }

    private void load(String rows) {
        loads.load("contacts", "text/csv", "response-cache.csv", List.of(), new ByteArrayInputStream(
                ("contact_id,created_at,source,mql_at\n" + rows).getBytes(StandardCharsets.UTF_8)));
    }

    private double hits() {
        return registry.get("cache.gets").tag("cache", "responses").tag("result", "hit").functionCounter().count();
    }

    private String post(String body, boolean fresh) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (fresh) {
            request.header("Cache-Control", "no-cache");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}

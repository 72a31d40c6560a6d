package io.funnelql.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.api.workspace.Workspaces;
import io.funnelql.warehouse.TestWarehouses;

/**
 * Malformed input for every dataset and for the GraphQL and export endpoints, sent over real HTTP: each is
 * refused with an answer that names the problem, holds nothing internal, and leaves every table as it was (a
 * failed load adds only its history row). The table is the specification: one row per kind of bad input.
 */
@ServerTest
class BadInputCorpusTests {

    /** What is sent. */
    sealed interface Request permits Load, GraphQl, Export {
    }

    /** A file to {@code POST /api/loads/{dataset}}; {@code path} may carry a query string. */
    record Load(String path, String contentType, byte[] body) implements Request {

        @Override
        public String toString() {
            return "POST " + path + " (" + body.length + " bytes)";
        }
    }

    /** A GraphQL document to {@code POST /graphql}. */
    record GraphQl(String document) implements Request {
    }

    /** A JSON body to {@code POST /api/export/{report}}. */
    record Export(String report, String json) implements Request {
    }

    /**
     * One malformed input and how it must be refused.
     *
     * @param status the HTTP status (GraphQL errors are 200 with an {@code errors} entry)
     * @param classification the GraphQL error's classification; {@code null} for the other endpoints
     * @param message what the answer's message must say
     */
    record Case(String name, Request request, int status, @Nullable String classification, String message) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Case load(String name, String dataset, String csv, String message) {
        return new Case(name, new Load("/api/loads/" + dataset, "text/csv", csv.getBytes(StandardCharsets.UTF_8)), 400, null, message);
    }

    static Case bytes(String name, String dataset, byte[] body, String message) {
        return new Case(name, new Load("/api/loads/" + dataset, "text/csv", body), 400, null, message);
    }

    static Case graphQl(String name, String document, String classification, String message) {
        return new Case(name, new GraphQl(document), 200, classification, message);
    }

    static Case funnel(String name, String input, String classification, String message) {
        return graphQl(name, "{ funnel(input: " + input + ") { totals { count } } }", classification, message);
    }

    static byte[] utf16(String text, boolean bom) {
        byte[] content = text.getBytes(StandardCharsets.UTF_16LE);
        if (!bom) {
            return content;
        }
        byte[] marked = new byte[content.length + 2];
        marked[0] = (byte) 0xFF;
        marked[1] = (byte) 0xFE;
        System.arraycopy(content, 0, marked, 2, content.length);
        return marked;
    }

    static final String RANGE = "range: {from: \"2024-06-01\", to: \"2024-06-30\"}";

    static Stream<Case> corpus() {
        return Stream.of(
                // Encodings, delimiters, quoting and size
                bytes("Latin-1 text", "contacts", "contact_id,created_at,company\ncorpus-1,2024-06-03,Caf\u00e9 M\u00fcller\n"
                        .getBytes(StandardCharsets.ISO_8859_1), "This file is not utf-8 encoded.; save the file as UTF-8"),
                bytes("UTF-16 with a byte order mark", "contacts", utf16("contact_id,created_at\ncorpus-2,2024-06-03\n", true),
                        "the file is encoded as UTF-16; save it as UTF-8"),
                bytes("UTF-16 without a byte order mark", "sessions", utf16("session_id,started_at,source\ns,2024-06-03,x\n", false),
                        "this is not a CSV, Parquet or Arrow file (it holds binary data)"),
                load("a line with another delimiter", "contacts", "contact_id,created_at\ncorpus-3|2024-06-03\n",
                        "line 2, column created_at: the line has fewer values than the header has columns; check the delimiter"),
                load("a line with more values than the header", "deals", "deal_id,amount,closed_at\nd-corpus,5,2024-06-03,extra\n",
                        "line 2: the line has more values than the header has columns"),
                load("an unbalanced quote", "contacts", "contact_id,created_at,company\ncorpus-4,2024-06-03,\"Acme\ncorpus-5,2024-06-04,B\n",
                        "check for a quoted value that is not closed"),
                load("mixed line endings", "contacts", "contact_id,created_at\r\ncorpus-6,2024-06-03\ncorpus-7,2024-06-04\r\n",
                        "lines ending in two ways (CR LF and LF)"),
                load("a 10 MB field", "contacts", "contact_id,created_at,company\ncorpus-8,2024-06-03," + "x".repeat(10_000_000) + "\n",
                        "a line is 10000021 bytes long, more than the 2000000 a CSV line may have"),
                bytes("binary content", "contacts", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0},
                        "this is not a CSV, Parquet or Arrow file"),
                bytes("an empty body", "contacts", new byte[0], "the file is empty"),
                load("a header without rows", "spend", "date,source,amount\n", "the file has a header but no data rows"),
                load("an empty header", "contacts", ",\ncorpus-9,2024-06-03\n", "missing required column contact_id"),
                new Case("a truncated Parquet file", new Load("/api/loads/contacts", "application/vnd.apache.parquet",
                        "PAR1 nothing else PAR1".getBytes(StandardCharsets.US_ASCII)), 400, null, "cannot be read as PARQUET"),
                new Case("a broken Arrow stream", new Load("/api/loads/sessions", "application/vnd.apache.arrow.stream",
                        new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 9, 0, 0, 0, 1}), 400, null,
                        "cannot be read as Arrow IPC: Unexpected end of stream"),
                // Values
                load("a negative deal amount", "deals", "deal_id,amount,closed_at\nd-corpus,-100,2024-06-03\n",
                        "'-100' is negative; amount must be zero or more"),
                load("a negative spend amount", "spend", "date,source,amount\n2024-06-03,paid_search,-5.50\n",
                        "'-5.50' is negative; amount must be zero or more"),
                load("a negative MRR", "deals", "deal_id,amount,closed_at,mrr\nd-corpus,100,2024-06-03,-10\n",
                        "'-10' is negative; mrr must be zero or more"),
                load("a contact created in year 1", "contacts", "contact_id,created_at\ncorpus-10,0001-01-01\n",
                        "'0001-01-01' is outside the accepted range 1900-01-01 to 2099-12-31"),
                load("a session in year 9999", "sessions", "session_id,started_at,source\ns-corpus,9999-12-31 23:59:59,direct\n",
                        "'9999-12-31 23:59:59' is outside the accepted range"),
                load("spend dated in year 9999", "spend", "date,source,amount\n9999-01-01,direct,5\n", "is outside the accepted range"),
                load("a time zone that does not exist", "contacts", "contact_id,created_at\ncorpus-11,2024-06-03T10:00:00 Mars/Phobos\n",
                        "'2024-06-03T10:00:00 Mars/Phobos' is not a date or date-time"),
                load("February 30th", "contacts", "contact_id,created_at\ncorpus-12,2024-02-30\n", "'2024-02-30' is not a date"),
                load("a stage date that is a word", "contacts", "contact_id,created_at,mql_at\ncorpus-13,2024-06-03,soon\n",
                        "line 2, column mql_at: 'soon' is not a date"),
                load("an empty created_at", "contacts", "contact_id,created_at\ncorpus-14,\n", "created_at is empty; every row needs one"),
                load("an empty contact_id", "contacts", "contact_id,created_at\n,2024-06-03\n", "contact_id is empty; every row needs one"),
                load("an empty target value", "targets", "metric,period_start,grain,value\nmqls,2024-06-01,MONTH,\n",
                        "value is empty; every row needs one"),
                load("a missing required column", "deals", "deal_id,closed_at\nd-corpus,2024-06-03\n",
                        "missing required column amount"),
                load("duplicate session ids", "sessions", "session_id,started_at,source\ns-dup,2024-06-03,direct\ns-dup,2024-06-04,direct\n",
                        "line 3, column session_id: the same session_id appears earlier in the file (line 2)"),
                load("duplicate contact ids", "contacts", "contact_id,created_at\ncorpus-15,2024-06-03\ncorpus-15,2024-06-04\n",
                        "the same contact_id appears earlier in the file (line 2)"),
                load("a duplicate spend key", "spend", "date,source,amount\n2024-06-03,email,5\n2024-06-03,Email,6\n",
                        "appears earlier in the file (line 2)"),
                load("a metric value that is a word", "metric_values", "metric,date,value\nrank,2024-06-03,first\n",
                        "'first' is not a number such as 42 or 0.25"),
                load("a target that is not a number", "targets", "metric,period_start,grain,value\nmqls,2024-06-01,MONTH,NaN\n",
                        "'NaN' is not a number"),
                load("an amount with a currency sign", "deals", "deal_id,amount,closed_at\nd-corpus,\"$1,000\",2024-06-03\n",
                        "'$1,000' is not a number such as 1200 or 1200.50 (no thousands separators or currency signs)"),
                load("an amount too large", "deals", "deal_id,amount,closed_at\nd-corpus,1e30,2024-06-03\n", "'1e30' is not a number"),
                load("pageviews beyond an integer", "sessions", "session_id,started_at,source,pageviews\ns-corpus,2024-06-03,direct,99999999999\n",
                        "'99999999999' is not a whole number"),
                load("a boolean that is neither", "sessions", "session_id,started_at,source,bounced\ns-corpus,2024-06-03,direct,maybe\n",
                        "'maybe' is not true or false"),
                load("an unknown grain", "targets", "metric,period_start,grain,value\nmqls,2024-06-01,FORTNIGHT,3\n",
                        "'FORTNIGHT' is not one of DAY, WEEK, MONTH, QUARTER, YEAR"),
                load("an unknown deal status", "deals", "deal_id,amount,closed_at,status\nd-corpus,10,2024-06-03,pending\n",
                        "'pending' is not one of won, lost, open"),
                load("a source id that is not snake case", "source_map", "raw_source,source\nGoogle Ads,Paid Search\n",
                        "'Paid Search' is not a source id"),
                // The request itself
                new Case("an unknown dataset", new Load("/api/loads/leads", "text/csv", "a\n1\n".getBytes(StandardCharsets.UTF_8)),
                        404, null, "Unknown dataset 'leads'"),
                new Case("a content type that is no file format", new Load("/api/loads/contacts", "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8)), 415, null, "is not a format FunnelQL loads"),
                new Case("a malformed header mapping", new Load("/api/loads/contacts?map=created_at", "text/csv",
                        "contact_id,created_at\ncorpus-16,2024-06-03\n".getBytes(StandardCharsets.UTF_8)), 400, null,
                        "A header mapping is column=header"),
                // GraphQL
                funnel("a range that ends before it starts", "{range: {from: \"2024-06-30\", to: \"2024-06-01\"}}", "BAD_REQUEST",
                        "The range ends (2024-06-01) before it starts (2024-06-30)"),
                funnel("a huge range", "{range: {from: \"0001-01-01\", to: \"9999-12-31\"}, grain: DAY}", "BAD_REQUEST",
                        "a report may have at most 1000"),
                funnel("a time zone that does not exist", "{" + RANGE + ", timeZone: \"Mars/Olympus_Mons\"}", "BAD_REQUEST",
                        "Unknown time zone 'Mars/Olympus_Mons'"),
                funnel("an offset beyond 18 hours", "{" + RANGE + ", timeZone: \"+25:00\"}", "BAD_REQUEST", "Unknown time zone '+25:00'"),
                funnel("an unknown source", "{" + RANGE + ", sources: [\"organic\"]}", "BAD_REQUEST", "Unknown source 'organic'"),
                funnel("stages out of order", "{" + RANGE + ", stages: [MQL, LEAD]}", "BAD_REQUEST", "Stages must be in funnel order"),
                funnel("a negative window", "{" + RANGE + ", withinDays: -3}", "BAD_REQUEST", "withinDays must be 0 or more, got -3"),
                funnel("a window on the ENTERED cohort", "{" + RANGE + ", cohort: ENTERED, withinDays: 30}", "BAD_REQUEST",
                        "withinDays applies to the CREATED cohort only"),
                funnel("a date that does not exist", "{range: {from: \"2024-02-30\", to: \"2024-03-31\"}}", "ValidationError",
                        "'2024-02-30' is not a calendar date; write one such as 2024-06-01"),
                funnel("a grain that does not exist", "{" + RANGE + ", grain: FORTNIGHT}", "ValidationError", "FORTNIGHT"),
                funnel("a number for a list of stages", "{" + RANGE + ", stages: 42}", "ValidationError", "stages"),
                funnel("a window beyond a 32-bit integer", "{" + RANGE + ", withinDays: 4294967296}", "ValidationError", "4294967296"),
                funnel("an asOf that is not a date-time", "{" + RANGE + ", asOf: \"yesterday\"}", "ValidationError", "yesterday"),
                funnel("no range", "{grain: MONTH}", "ValidationError", "range"),
                graphQl("an unknown dataset in loads", "{ loads(dataset: \"leads\") { loadId } }", "BAD_REQUEST", "Unknown dataset 'leads'"),
                graphQl("an unknown field", "{ revenue { total } }", "ValidationError", "revenue"),
                graphQl("a syntax error", "{ funnel(input: ", "InvalidSyntax", "Invalid syntax"),
                graphQl("a deeply nested query", "{ __schema { types { fields { type" + " { ofType".repeat(20) + " { name }"
                        + " }".repeat(20) + " } } } }", "BAD_REQUEST", "fields deep; at most 15 are allowed"),
                graphQl("many aliased fields", "{ sources { " + IntStream.range(0, 50).mapToObj(i -> "a" + i + ": source")
                        .collect(Collectors.joining(" ")) + " } }", "BAD_REQUEST", "The query has 50 aliased fields; at most 20"),
                graphQl("many aliased reports", "{ " + IntStream.range(0, 15).mapToObj(i -> "f" + i + ": funnel(input: {" + RANGE
                        + "}) { stages }").collect(Collectors.joining(" ")) + " }", "BAD_REQUEST", "The query's complexity is"),
                graphQl("a document of many tokens", "{ sources { " + "source ".repeat(4000) + "} }", "InvalidSyntax",
                        "More than 3,000 'grammar' tokens have been presented"),
                // Export
                new Case("an export with a grain that does not exist", new Export("funnel",
                        "{\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"grain\": \"FORTNIGHT\"}"), 400, null,
                        "Cannot read 'grain' of the export input"),
                new Case("an export of an unknown report", new Export("leads", "{}"), 404, null, "leads"),
                new Case("an export without a range", new Export("funnel", "{}"), 400, null, "The funnel needs a range"));
    }

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedNamingTheProblemAndLeavesTheWarehouseAsItWas(Case bad) throws Exception {
        Map<String, String> before = TestWarehouses.snapshot(workspaces.current().warehouse(), false);
        long committed = committedLoads();

        HttpResponse<String> response = http.send(request(bad.request()), BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "SELECT ", System.getProperty("java.io.tmpdir") + "/",
                "INTERNAL_ERROR");
        JsonNode answer = json.readTree(response.body());
        if (bad.classification() == null) {
            List<String> messages = new ArrayList<>(List.of(answer.get("error").asString()));
            if (answer.has("problems")) {
                answer.get("problems").forEach(problem -> messages.add(where(problem) + ": " + problem.get("message").asString()));
            }
            assertThat(String.join("\n", messages) + "\n" + response.body()).contains(bad.message());
        } else {
            assertThat(answer.has("errors")).as(response.body()).isTrue();
            JsonNode error = answer.get("errors").get(0);
            assertThat(error.at("/extensions/classification").asString()).as(response.body()).isEqualTo(bad.classification());
            assertThat(error.get("message").asString()).contains(bad.message());
        }
        assertThat(TestWarehouses.snapshot(workspaces.current().warehouse(), false)).isEqualTo(before);
        assertThat(committedLoads()).isEqualTo(committed);
    }

    /** "line 3, column created_at", as the load command prints a problem. */
    static String where(JsonNode problem) {
        String at = problem.hasNonNull("line") ? "line " + problem.get("line").asLong()
                : problem.hasNonNull("row") ? "row " + problem.get("row").asLong() : "";
        return at + (problem.hasNonNull("column") ? ", column " + problem.get("column").asString() : "");
    }

    long committedLoads() {
        return TestWarehouses.count(workspaces.current().warehouse(), "SELECT count(*) FROM loads WHERE status = 'committed'");
    }

    HttpRequest request(Request request) {
        String base = "http://127.0.0.1:" + port;
        if (request instanceof Load load) {
            return HttpRequest.newBuilder(URI.create(base + load.path())).header("Content-Type", load.contentType())
                    .POST(BodyPublishers.ofByteArray(load.body())).build();
        }
        if (request instanceof GraphQl graphQl) {
            return HttpRequest.newBuilder(URI.create(base + "/graphql")).header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString(json.writeValueAsString(Map.of("query", graphQl.document())))).build();
        }
        Export export = (Export) request;
        return HttpRequest.newBuilder(URI.create(base + "/api/export/" + export.report()))
                .header("Content-Type", "application/json").header("Accept", "text/csv")
                .POST(BodyPublishers.ofString(export.json())).build();
    }
}

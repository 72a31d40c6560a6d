package io.funnelql.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The harness's HTTP client: GraphQL queries, exports and loads against the server, as a dashboard or an
 * analyst's script sends them (HTTP/1.1, connections kept alive, JSON in and out).
 */
final class Http {

    /** A GraphQL answer as it arrived, and how long it took from sending to its last byte. */
    record Answer(int status, byte[] body, long nanos) {

        /**
         * The report under {@code data.<field>}, after checking that the request succeeded.
         *
         * @throws IllegalStateException for a status other than 200, or a body with errors or without the report
         */
        JsonNode report(JsonMapper json, String field) {
            String text = new String(body, StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IllegalStateException("HTTP " + status + ": " + abbreviated(text));
            }
            JsonNode root = json.readTree(body);
            JsonNode report = root.path("data").path(field);
            if (root.has("errors") || !report.isObject()) {
                throw new IllegalStateException("GraphQL answered with errors: " + abbreviated(text));
            }
            return report;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Server server;
    private final JsonMapper json;

    Http(Server server, JsonMapper json) {
        this.server = server;
        this.json = json;
    }

    /**
     * Posts a GraphQL query to {@code /graphql} and reads the whole answer. Through {@link HttpURLConnection}
     * (connections kept alive): on the benchmark machine {@link HttpClient} added about 1.6 ms to every
     * request on its own (a cached 12 KB answer: 2.4 ms p50 with it, 0.8 ms with this), which would hide the
     * server's time for small answers.
     *
     * @param fresh send {@code Cache-Control: no-cache}, so the server computes the report instead of
     *        answering from its result cache
     */
    Answer graphql(String document, Map<String, Object> variables, boolean fresh) throws IOException {
        byte[] request = json.writeValueAsBytes(Map.of("query", document, "variables", variables));
        long start = System.nanoTime();
        HttpURLConnection connection = (HttpURLConnection) server.uri("/graphql").toURL().openConnection();
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Accept", "application/json");
        if (fresh) {
            connection.setRequestProperty("Cache-Control", "no-cache");
        }
        try (OutputStream out = connection.getOutputStream()) {
            out.write(request);
        }
        int status = connection.getResponseCode();
        byte[] body;
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            body = in == null ? new byte[0] : in.readAllBytes();
        }
        return new Answer(status, body, System.nanoTime() - start);
    }

    /**
     * Posts an export request and returns its body, for the caller to read and close. Through
     * {@link HttpURLConnection}, whose stream reads a large body with less overhead than {@link HttpClient}'s,
     * so that the client costs the export's measurement as little as it can.
     */
    InputStream export(String report, Map<String, Object> input, String accept) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) server.uri("/api/export/" + report).toURL().openConnection();
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Accept", accept);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(json.writeValueAsBytes(input));
        }
        if (connection.getResponseCode() != 200) {
            try (InputStream error = connection.getErrorStream()) {
                String body = error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8);
                throw new IllegalStateException("export answered HTTP " + connection.getResponseCode() + ": " + abbreviated(body));
            }
        }
        return connection.getInputStream();
    }

    /**
     * Uploads a CSV file to {@code POST /api/loads/{dataset}}, streamed from disk.
     *
     * @return the server's answer ({@code {loadId, dataset, rows, duplicate}})
     * @throws IllegalStateException when the load was refused or failed
     */
    JsonNode load(String dataset, Path csv) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/loads/" + dataset + "?file=" + csv.getFileName()))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("loading " + csv + " answered HTTP " + response.statusCode() + ": "
                    + abbreviated(response.body()));
        }
        return json.readTree(response.body());
    }

    URI uri(String path) {
        return server.uri(path);
    }

    static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}

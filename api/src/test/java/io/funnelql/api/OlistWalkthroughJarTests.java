package io.funnelql.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the Olist walk-through of docs/analysts.md as written (its bash blocks with the packaged jar, its
 * GraphQL against a served warehouse) and checks FunnelQL's numbers, and the tables in the doc, against
 * plain SQL on the raw files. Needs the Olist files (FUNNELQL_OLIST, or ../../shared/data/olist); skipped
 * without them.
 */
class OlistWalkthroughJarTests {

    static final Path DOC = Path.of("..", "docs", "analysts.md");
    static final Path JAR = Path.of(System.getProperty("funnelql.jar", "target/funnelql.jar")).toAbsolutePath();
    static final Path OLIST = Path.of(System.getenv().getOrDefault("FUNNELQL_OLIST", "../../shared/data/olist")).toAbsolutePath();
    static final String LEADS = "olist_marketing_qualified_leads_dataset.csv";
    static final String DEALS = "olist_closed_deals_dataset.csv";

    @TempDir
    Path dir;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theWalkThroughGivesTheNumbersTheRawFilesGive() throws Exception {
        assumeTrue(Files.exists(OLIST.resolve(LEADS)) && Files.exists(OLIST.resolve(DEALS)),
                "the Olist files are not at " + OLIST + " (set FUNNELQL_OLIST)");
        String doc = Files.readString(DOC);
        bash(block(doc, "olist:prepare", "bash"));
        String loaded = bash(block(doc, "olist:load", "bash"));
        assertThat(loaded).contains("olist-contacts.csv: load 1 into contacts, 8000 rows")
                .contains("olist_closed_deals_dataset.csv: load 2 into deals, 842 rows");

        Process server = new ProcessBuilder(javaJar("serve", "--db", "olist.duckdb", "--server.port=0",
                "--server.address=127.0.0.1")).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            int port = port(server);
            JsonNode bySource = graphQl(port, block(doc, "olist:by-source", "graphql")).get("data").get("funnel");
            JsonNode byMonth = graphQl(port, block(doc, "olist:by-month", "graphql")).get("data").get("funnel");

            Map<String, List<Long>> expectedBySource = rawCounts("""
                    SELECT CASE o WHEN 'direct_traffic' THEN 'direct' ELSE o END, count(*), count(won.mql_id)
                    FROM (SELECT mql_id, coalesce(nullif(trim(origin), ''), 'unknown') AS o FROM read_csv('%s', all_varchar = true))
                    LEFT JOIN (SELECT DISTINCT mql_id FROM read_csv('%s', all_varchar = true)) won USING (mql_id)
                    GROUP BY 1 ORDER BY 1""");
            Map<String, List<Long>> expectedByMonth = rawCounts("""
                    SELECT strftime(CAST(first_contact_date AS DATE), '%%Y-%%m'), count(*), count(won.mql_id)
                    FROM read_csv('%s', all_varchar = true)
                    LEFT JOIN (SELECT DISTINCT mql_id FROM read_csv('%s', all_varchar = true)) won USING (mql_id)
                    GROUP BY 1 ORDER BY 1""");

            Map<String, List<Long>> actualBySource = new LinkedHashMap<>();
            for (JsonNode group : bySource.get("groupTotals")) {
                actualBySource.put(group.get("source").asText(), counts(group.get("steps")));
            }
            Map<String, List<Long>> actualByMonth = new LinkedHashMap<>();
            for (JsonNode row : byMonth.get("rows")) {
                actualByMonth.put(row.get("period").get("label").asText(), counts(row.get("steps")));
            }
            assertThat(actualBySource).isEqualTo(expectedBySource);
            assertThat(actualByMonth).isEqualTo(expectedByMonth);
            assertThat(counts(bySource.get("totals"))).containsExactly(8000L, 8000L, 842L);
            // The tables in the doc say the same.
            expectedBySource.forEach((source, counts) -> assertThat(doc).contains(
                    "| " + source + " | " + counts.get(0) + " | " + counts.get(1) + " | " + counts.get(2) + " |"));
            expectedByMonth.forEach((month, counts) -> assertThat(doc).contains(
                    "| " + month + " | " + counts.get(0) + " | " + counts.get(2) + " |"));

            JsonNode velocity = graphQl(port, block(doc, "olist:velocity", "graphql")).get("data").get("velocity").get("total");
            double[] days = daysFromFirstContactToWon();
            assertThat(velocity.get("contacts").get("value").asDouble()).isEqualTo(days.length);
            assertThat(velocity.get("outOfOrder").get("value").asDouble()).isEqualTo(1.0);
            assertThat(velocity.get("medianDays").get("value").asDouble()).isCloseTo(percentile(days, 0.5), within(1e-9));
            assertThat(velocity.get("p75Days").get("value").asDouble()).isCloseTo(percentile(days, 0.75), within(1e-9));
            assertThat(velocity.get("p90Days").get("value").asDouble()).isCloseTo(percentile(days, 0.9), within(1e-9));
            assertThat(doc).contains(String.format(java.util.Locale.ROOT, "| %d | %.1f days | %.1f days | %.1f days | 1 |",
                    days.length, percentile(days, 0.5), percentile(days, 0.75), percentile(days, 0.9)));
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Days (of 24 hours) from each won lead's first contact to its won date, read from the raw files with
     * plain Java, leaving out deals won before the first contact; sorted.
     */
    static double[] daysFromFirstContactToWon() throws IOException {
        Map<String, java.time.LocalDateTime> firstContact = new java.util.HashMap<>();
        for (String line : Files.readAllLines(OLIST.resolve(LEADS)).subList(1, 8001)) {
            String[] cells = line.split(",", -1);
            firstContact.put(cells[0], java.time.LocalDate.parse(cells[1]).atStartOfDay());
        }
        List<Double> days = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(OLIST.resolve(DEALS)).subList(1, 843)) {
            String[] cells = line.split(",", -1);
            java.time.LocalDateTime won = java.time.LocalDateTime.parse(cells[4].replace(' ', 'T'));
            double d = java.time.Duration.between(firstContact.get(cells[0]), won).getSeconds() / 86_400.0;
            if (d >= 0) {
                days.add(d);
            }
        }
        return days.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** Linear interpolation between the closest ranks (Excel's PERCENTILE.INC). */
    static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    /** [leads, leads (as MQLs), customers] per key, from SQL on the raw files. */
    Map<String, List<Long>> rawCounts(String sql) throws Exception {
        Map<String, List<Long>> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql.formatted(OLIST.resolve(LEADS), OLIST.resolve(DEALS)))) {
            while (rs.next()) {
                counts.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(2), rs.getLong(3)));
            }
        }
        return counts;
    }

    static List<Long> counts(JsonNode steps) {
        return java.util.stream.StreamSupport.stream(steps.spliterator(), false).map(s -> s.get("count").asLong()).toList();
    }

    /** The code block of {@code language} that follows {@code <!-- marker -->} in the doc. */
    static String block(String doc, String marker, String language) {
        Matcher block = Pattern.compile("<!-- " + Pattern.quote(marker) + " -->\\s*```" + language + "\\n(.*?)```",
                Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("docs/analysts.md has a %s block after <!-- %s -->", language, marker).isTrue();
        return block.group(1);
    }

    String bash(String script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("OLIST", OLIST.toString());
        builder.environment().put("FUNNELQL_JAR", JAR.toString());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    static List<String> javaJar(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    static int port(Process server) throws IOException {
        BufferedReader log = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        Pattern started = Pattern.compile("Tomcat started on port (\\d+)");
        for (String line = log.readLine(); line != null; line = log.readLine()) {
            seen.append(line).append('\n');
            Matcher port = started.matcher(line);
            if (port.find()) {
                CompletableFuture.runAsync(() -> {
                    try {
                        server.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (IOException ignored) {
                        // The server stopped.
                    }
                });
                return Integer.parseInt(port.group(1));
            }
        }
        throw new AssertionError("The server stopped before it listened:\n" + seen);
    }

    JsonNode graphQl(int port, String query) throws Exception {
        String body = json.writeValueAsString(Map.of("query", query));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.has("errors")).as(response.body()).isFalse();
        return answer;
    }
}

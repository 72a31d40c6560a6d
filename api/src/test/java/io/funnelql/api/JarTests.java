package io.funnelql.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar run as a user runs it, {@code java -jar funnelql.jar ...} with no JVM options: Arrow needs
 * the manifest's Add-Opens, and the default command serves. Runs after {@code package} (failsafe).
 */
class JarTests {

    static final Path JAR = Path.of(System.getProperty("funnelql.jar", "target/funnelql.jar"));
    static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    Run run(String... args) throws Exception {
        Process process = new ProcessBuilder(java(args)).directory(dir.toFile()).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished within a minute").isTrue();
        return new Run(process.exitValue(), out.get(), err.get());
    }

    static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void loadsAnArrowStreamWithPlainJavaJar() throws Exception {
        Files.write(dir.resolve("sessions.arrows"),
                UploadFiles.arrowStream("session_id,started_at,source\ns1,2024-06-03 10:00,Paid Search\n"));

        Run load = run("load", "sessions", "sessions.arrows", "--db", "acme.duckdb");

        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(load.out()).isEqualTo("sessions.arrows: load 1 into sessions, 1 row" + System.lineSeparator());
        assertThat(load.err()).doesNotContain("Exception", "INFO");
    }

    /** A server started from the jar, once it listens: its process, port and log up to then. */
    record Server(Process process, int port, String startLog) {

        HttpResponse<String> graphQl(String query) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString("{\"query\": \"" + query.replace("\"", "\\\"") + "\"}")).build(),
                    BodyHandlers.ofString());
        }

        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
        }
    }

    Server serve(String... args) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(List.of("--server.port=0", "--server.address=127.0.0.1"));
        Process process = new ProcessBuilder(java(arguments.toArray(String[]::new))).directory(dir.toFile())
                .redirectErrorStream(true).start();
        BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = log.readLine(); line != null; line = log.readLine()) {
            seen.append(line).append('\n');
            Matcher port = PORT.matcher(line);
            if (port.find()) {
                CompletableFuture.runAsync(() -> read(process.getInputStream()));
                return new Server(process, Integer.parseInt(port.group(1)), seen.toString());
            }
        }
        throw new AssertionError("The server stopped before it listened:\n" + seen);
    }

    @Test
    void servesByDefaultLoadsOverHttpAndLeavesTheWarehouseClosedOnExit() throws Exception {
        Server server = serve("--db", "served.duckdb");
        try {
            int port = server.port();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> load = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/loads/contacts?file=june.csv")).header("Content-Type", "text/csv")
                    .POST(BodyPublishers.ofString("contact_id,created_at,source\nc1,2024-06-03,Organic Search\n")).build(),
                    BodyHandlers.ofString());
            HttpResponse<String> query = server.graphQl("{ sources { source contacts } }");

            assertThat(load.statusCode()).isEqualTo(200);
            assertThat(load.body()).isEqualTo("{\"loadId\":1,\"dataset\":\"contacts\",\"rows\":1,\"duplicate\":false}");
            assertThat(query.body()).isEqualTo("{\"data\":{\"sources\":[{\"source\":\"organic_search\",\"contacts\":1}]}}");
        } finally {
            server.stop();
        }

        Run loads = run("loads", "--db", "served.duckdb");

        assertThat(loads.exitCode()).as(loads.err()).isZero();
        assertThat(loads.out()).contains("june.csv").contains("committed");
    }

    @Test
    void servesDemoDataFromATemporaryWarehouseThatIsDeletedOnExit() throws Exception {
        Server server = serve("serve", "--demo");
        Path demo;
        try {
            Matcher file = Pattern.compile("from the temporary warehouse (\\S+demo\\.duckdb)").matcher(server.startLog());
            assertThat(file.find()).as(server.startLog()).isTrue();
            demo = Path.of(file.group(1));
            assertThat(demo).exists();

            HttpResponse<String> loads = server.graphQl("{ loads(dataset: \"contacts\") { rows format } }");

            assertThat(loads.body()).isEqualTo("{\"data\":{\"loads\":[{\"rows\":50000,\"format\":\"GENERATED\"}]}}");
        } finally {
            server.stop();
        }
        assertThat(demo.getParent()).doesNotExist();
        assertThat(dir.resolve("funnelql.duckdb")).doesNotExist();
    }
}

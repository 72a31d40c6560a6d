package io.funnelql.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md run as written, with the packaged jar: keys made on the command line open a server with keys
 * on; a server without keys listens on 127.0.0.1 and says so; a backup taken while serving restores the warehouse
 * as it was. Runs after {@code package} (failsafe).
 */
class OperationsJarTests {

    static final Path JAR = Path.of(System.getProperty("funnelql.jar", "target/funnelql.jar"));
    static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs a command to its end and returns its standard output; it must succeed. */
    String run(String... args) throws Exception {
        Process process = new ProcessBuilder(java(args)).directory(dir.toFile()).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err.get()).isZero();
        return out.get();
    }

    static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Server(Process process, int port, String startLog) {

        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    Server serve(String... args) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--server.port=0");
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

    HttpResponse<String> post(Server server, String path, @Nullable String key, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", contentType).POST(BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    @Test
    void aKeyMadeOnTheCommandLineOpensAServerWithKeysOn() throws Exception {
        String key = run("keys", "create", "--role", "admin", "--name", "ops", "--db", "acme.duckdb").strip();

        Server server = serve("--db", "acme.duckdb", "--funnelql.security.enabled=true", "--server.address=127.0.0.1");
        try {
            assertThat(server.startLog()).contains("API keys are on: every request but health checks and static pages needs "
                    + "Authorization: Bearer <key> (1 working keys over the workspaces [default])");
            assertThat(post(server, "/graphql", null, "application/json", "{\"query\": \"{ sources { source } }\"}").statusCode())
                    .isEqualTo(401);
            assertThat(post(server, "/graphql", key, "application/json", "{\"query\": \"{ sources { source } }\"}").statusCode())
                    .isEqualTo(200);
        } finally {
            server.stop();
        }
        assertThat(run("keys", "list", "--db", "acme.duckdb")).contains("default", "admin", "ops");
    }

    @Test
    void withKeysOffTheServerListensOnTheLoopbackAddressUnlessToldAndSaysSo() throws Exception {
        Server local = serve("--db", "local.duckdb");
        try {
            assertThat(local.startLog()).contains("API keys are off (funnelql.security.enabled=false): the server listens on "
                    + "127.0.0.1 only, so only this machine can reach it.");
        } finally {
            local.stop();
        }
        Server everywhere = serve("--db", "local.duckdb", "--server.address=0.0.0.0");
        try {
            assertThat(everywhere.startLog()).contains("WARN").contains("API keys are off (funnelql.security.enabled=false) "
                    + "and the server listens on 0.0.0.0: anyone who can reach it can read and load every workspace's data.");
        } finally {
            everywhere.stop();
        }
    }

    @Test
    void aBackupTakenWhileServingRestoresTheWarehouseAsItWas() throws Exception {
        Server server = serve("--db", "served.duckdb", "--funnelql.backup.directory=backups");
        String file;
        try {
            assertThat(post(server, "/api/loads/contacts?file=before.csv", null, "text/csv",
                    "contact_id,created_at\nc1,2024-06-03\n").statusCode()).isEqualTo(200);
            HttpResponse<String> backup = post(server, "/api/backup", null, "application/json", "");
            assertThat(backup.statusCode()).isEqualTo(201);
            Matcher name = Pattern.compile("\"file\":\"([^\"]+)\"").matcher(backup.body());
            assertThat(name.find()).as(backup.body()).isTrue();
            file = name.group(1);
            assertThat(post(server, "/api/loads/contacts?file=after.csv", null, "text/csv",
                    "contact_id,created_at\nc2,2024-06-04\n").statusCode()).isEqualTo(200);
        } finally {
            server.stop();
        }
        assertThat(run("loads", "--db", "served.duckdb")).contains("before.csv", "after.csv");

        // The restore, as docs/operations.md has it: with the server stopped, the backup replaces the file.
        Files.copy(dir.resolve("served.duckdb"), dir.resolve("served.duckdb.before-restore"));
        Files.copy(dir.resolve("backups").resolve(file), dir.resolve("served.duckdb"), StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(dir.resolve("served.duckdb.wal"));

        String history = run("loads", "--db", "served.duckdb");
        assertThat(history).contains("before.csv").doesNotContain("after.csv");
        Server restored = serve("--db", "served.duckdb");
        try {
            HttpResponse<String> sources = post(restored, "/graphql", null, "application/json",
                    "{\"query\": \"{ sources { source contacts } }\"}");
            assertThat(sources.body()).isEqualTo("{\"data\":{\"sources\":[{\"source\":\"unknown\",\"contacts\":1}]}}");
        } finally {
            restored.stop();
        }
        // A copy of the stopped warehouse is a backup too.
        assertThat(run("loads", "--db", "served.duckdb.before-restore")).contains("before.csv", "after.csv");
    }
}

package io.funnelql.api.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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

/** A backup of a running server's warehouse is a warehouse holding what the server held at that moment. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackupHttpTests {

    static Path dir;

    @DynamicPropertySource
    static void files(DynamicPropertyRegistry registry) throws IOException {
        dir = Files.createTempDirectory("funnelql-backup");
        registry.add("funnelql.database", () -> dir.resolve("served.duckdb").toString());
        registry.add("funnelql.backup.directory", () -> dir.resolve("backups").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    }

    @Test
    void aBackupHoldsTheWarehouseAsItWasWhenTaken() throws Exception {
        assertThat(post("/api/loads/contacts", "text/csv", "contact_id,created_at\nb1,2024-06-03\nb2,2024-06-04\n").statusCode())
                .isEqualTo(200);
        Map<String, String> atBackup = TestWarehouses.snapshot(workspaces.current().warehouse(), true);

        HttpResponse<String> response = post("/api/backup", "application/json", "");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode backup = JsonMapper.builder().build().readTree(response.body());
        assertThat(backup.get("workspace").asString()).isEqualTo("default");
        assertThat(backup.get("file").asString()).matches("default-\\d{8}-\\d{6}-\\d{3}\\.duckdb");
        assertThat(response.body()).doesNotContain(dir.toString());
        assertThat(post("/api/loads/contacts", "text/csv", "contact_id,created_at\nb3,2024-06-05\n").statusCode()).isEqualTo(200);
        try (Warehouse copy = Warehouse.open(dir.resolve("backups").resolve(backup.get("file").asString()),
                WarehouseSettings.defaults())) {
            assertThat(TestWarehouses.snapshot(copy, true)).isEqualTo(atBackup);
            assertThat(Files.size(dir.resolve("backups").resolve(backup.get("file").asString())))
                    .isEqualTo(backup.get("bytes").asLong());
        }
    }
}

package io.funnelql.api.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** The workspaces a server opens from its properties: default over funnelql.database, then funnelql.workspaces. */
class WorkspaceConfigurationTests {

    @TempDir
    Path dir;

    static FunnelqlProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("funnelql", FunnelqlProperties.class);
    }

    @Test
    void opensOneWarehouseFilePerWorkspace() {
        FunnelqlProperties properties = bind(Map.of("funnelql.database", dir.resolve("own.duckdb").toString(),
                "funnelql.workspaces.acme.database", dir.resolve("acme.duckdb").toString(),
                "funnelql.workspaces.globex.database", ":memory:"));

        try (Workspaces workspaces = new WorkspaceConfiguration().workspaces(properties)) {
            assertThat(workspaces.names()).containsExactly("default", "acme", "globex");
            assertThat(workspaces.find("acme").orElseThrow().warehouse().path())
                    .contains(dir.resolve("acme.duckdb").toAbsolutePath());
            assertThat(workspaces.find("globex").orElseThrow().warehouse().path()).isEmpty();
        }
        try (Warehouse reopened = Warehouse.open(dir.resolve("acme.duckdb"), WarehouseSettings.defaults())) {
            assertThat(reopened.path()).isPresent();
        }
    }

    @Test
    void refusesTwoWorkspacesOnOneFileAWorkspaceNamedDefaultAndABadName() {
        String shared = dir.resolve("shared.duckdb").toString();

        assertThatThrownBy(() -> new WorkspaceConfiguration().workspaces(bind(Map.of("funnelql.database", shared,
                "funnelql.workspaces.acme.database", shared))))
                .hasMessage("The workspaces 'default' and 'acme' name the same warehouse file " + shared
                        + "; each workspace needs a file of its own");
        assertThatThrownBy(() -> new WorkspaceConfiguration().workspaces(bind(Map.of("funnelql.database", shared,
                "funnelql.workspaces.default.database", dir.resolve("other.duckdb").toString()))))
                .hasMessageStartingWith("funnelql.workspaces.default cannot be configured");
        assertThatThrownBy(() -> new WorkspaceConfiguration().workspaces(bind(Map.of("funnelql.database", shared,
                "funnelql.workspaces[Acme Corp].database", dir.resolve("other.duckdb").toString()))))
                .hasMessageStartingWith("'Acme Corp' is not a workspace name");
    }

    @Test
    void aWorkspaceThatCannotOpenClosesTheOnesOpenedBefore() {
        Path first = dir.resolve("first.duckdb");
        FunnelqlProperties properties = bind(Map.of("funnelql.database", first.toString(),
                "funnelql.workspaces.acme.database", dir.resolve("acme.duckdb").toString(),
                "funnelql.workspaces.broken.database", dir.resolve("first.duckdb/not-a-directory.duckdb").toString()));

        assertThatThrownBy(() -> new WorkspaceConfiguration().workspaces(properties)).isNotNull();

        try (Warehouse reopened = Warehouse.open(first, WarehouseSettings.defaults())) {
            assertThat(reopened.path()).as("the default workspace's file was closed again").isPresent();
        }
    }
}

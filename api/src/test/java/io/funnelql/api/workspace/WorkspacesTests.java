package io.funnelql.api.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;
import io.funnelql.warehouse.load.Loader;

class WorkspacesTests {

    @TempDir
    Path dir;

    @Test
    void servesEveryRequestFromTheDefaultWorkspace() {
        Workspace other = new Workspace("acme", TestWarehouses.inMemory());
        Workspace fallback = new Workspace(Workspaces.DEFAULT, TestWarehouses.inMemory());
        try (Workspaces workspaces = new Workspaces(List.of(other, fallback))) {
            assertThat(workspaces.current()).isSameAs(fallback);
            assertThat(workspaces.all()).containsExactly(other, fallback);
        }
    }

    @Test
    void servesARequestFromTheWorkspaceItsAuthenticationNames() {
        Workspace acme = new Workspace("acme", TestWarehouses.inMemory());
        Workspace fallback = new Workspace(Workspaces.DEFAULT, TestWarehouses.inMemory());
        try (Workspaces workspaces = new Workspaces(List.of(fallback, acme))) {
            actingFor("acme");
            assertThat(workspaces.current()).isSameAs(acme);

            actingFor("globex");
            assertThatThrownBy(workspaces::current).isInstanceOf(IllegalStateException.class)
                    .hasMessage("The request acts for workspace 'globex', which this server does not serve");

            SecurityContextHolder.clearContext();
            assertThat(workspaces.current()).isSameAs(fallback);
            assertThat(workspaces.find("acme")).containsSame(acme);
            assertThat(workspaces.find("globex")).isEmpty();
            assertThat(workspaces.names()).containsExactly("default", "acme");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void workspaceNamesAreLowerCaseLettersDigitsDashesAndUnderscores() {
        assertThat(Workspaces.checkName("client-2_eu")).isEqualTo("client-2_eu");
        assertThatThrownBy(() -> Workspaces.checkName("Acme")).hasMessageStartingWith("'Acme' is not a workspace name");
        assertThatThrownBy(() -> Workspaces.checkName("../acme")).hasMessageStartingWith("'../acme' is not a workspace name");
        assertThatThrownBy(() -> Workspaces.checkName("")).hasMessageStartingWith("'' is not a workspace name");
    }

    static void actingFor(String workspace) {
        WorkspaceMember member = () -> workspace;
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(member, ""));
    }

    @Test
    void makesEachServiceOncePerWorkspace() {
        try (Workspace workspace = new Workspace(Workspaces.DEFAULT, TestWarehouses.inMemory())) {
            Loader loader = workspace.service(Loader.class, Loader::new);

            assertThat(workspace.service(Loader.class, Loader::new)).isSameAs(loader);
        }
    }

    @Test
    void closingClosesEveryWarehouseSoItsFileCanBeOpenedAgainThenRunsTheCleanUp() {
        Path file = dir.resolve("acme.duckdb");
        AtomicInteger cleanUps = new AtomicInteger();
        Workspaces workspaces = Workspaces.of(new Workspace(Workspaces.DEFAULT,
                Warehouse.open(file, WarehouseSettings.defaults()), cleanUps::incrementAndGet));

        workspaces.close();

        assertThat(cleanUps).hasValue(1);
        try (Warehouse reopened = Warehouse.open(file, WarehouseSettings.defaults())) {
            assertThat(reopened.path()).contains(file.toAbsolutePath().normalize());
        }
    }

    @Test
    void needsADefaultWorkspaceAndUniqueNames() {
        try (Warehouse a = TestWarehouses.inMemory(); Warehouse b = TestWarehouses.inMemory()) {
            assertThatThrownBy(() -> new Workspaces(List.of(new Workspace("acme", a))))
                    .hasMessage("There must be a workspace named 'default'");
            assertThatThrownBy(() -> new Workspaces(List.of(new Workspace("default", a), new Workspace("default", b))))
                    .hasMessage("Two workspaces are named 'default'");
        }
    }
}

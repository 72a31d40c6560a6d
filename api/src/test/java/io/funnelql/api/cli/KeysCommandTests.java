package io.funnelql.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;
import io.funnelql.warehouse.access.ApiKeys;
import io.funnelql.warehouse.access.KeyRole;

class KeysCommandTests {

    @TempDir
    Path dir;

    @Test
    void createPrintsTheKeyAloneOnStandardOutputAndStoresOnlyItsDigest() {
        String db = dir.resolve("acme.duckdb").toString();

        CliRun run = CliRun.of("keys", "create", "--role", "read", "--name", "dashboard", "--db", db);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String key = run.out().strip();
        assertThat(key).matches("fql_[A-Za-z0-9_-]{43}");
        assertThat(run.err()).matches("(?s)Created key [0-9a-f]{12} \\(role read, workspace default\\) in .*acme\\.duckdb\\. "
                + "It is shown only now; send it as Authorization: Bearer <key>:\\R");
        try (Warehouse warehouse = Warehouse.open(Path.of(db), WarehouseSettings.defaults())) {
            assertThat(new ApiKeys(warehouse).activeByDigest().get(ApiKeys.sha256(key)))
                    .satisfies(stored -> assertThat(stored.role()).isEqualTo(KeyRole.READ));
        }
    }

    @Test
    void listShowsEveryKeyAndRevokeStopsOne() {
        String db = dir.resolve("acme.duckdb").toString();
        CliRun.of("keys", "create", "--role", "admin", "--name", "ops", "--db", db);
        CliRun.of("keys", "create", "--role", "load", "--workspace", "acme", "--db", db);
        String id = CliRun.of("keys", "list", "--db", db).out().lines().skip(1).findFirst().orElseThrow().split(" +")[0];

        CliRun revoke = CliRun.of("keys", "revoke", id, "--db", db);
        CliRun list = CliRun.of("keys", "list", "--db", db);

        assertThat(revoke.exitCode()).isZero();
        assertThat(revoke.out()).isEqualTo("Revoked key " + id + " (role admin, workspace default)." + System.lineSeparator());
        assertThat(list.out().lines().toList()).satisfiesExactly(
                header -> assertThat(header).matches("ID +WORKSPACE +ROLE +NAME +CREATED \\(UTC\\) +REVOKED \\(UTC\\)"),
                first -> assertThat(first).matches(id + " +default +admin +ops +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +\\d{4}-.*"),
                second -> assertThat(second).matches("[0-9a-f]{12} +acme +load +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
        CliRun again = CliRun.of("keys", "revoke", id, "--db", db);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.err()).startsWith("No working key has id '" + id + "'");
    }

    @Test
    void refusesAnUnknownRoleABadWorkspaceNameAndAnotherWorkspaceWithoutItsFile() {
        CliRun role = CliRun.of("keys", "create", "--role", "owner", "--db", dir.resolve("a.duckdb").toString());
        CliRun name = CliRun.of("keys", "create", "--role", "read", "--workspace", "Acme Corp", "--db", dir.resolve("a.duckdb").toString());
        CliRun file = CliRun.of("keys", "create", "--role", "read", "--workspace", "acme");
        CliRun nothing = CliRun.of("keys");

        assertThat(role.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(role.err()).contains("Unknown role 'owner'. The roles are: read, load, admin.");
        assertThat(name.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(name.err()).contains("'Acme Corp' is not a workspace name");
        assertThat(file.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(file.err()).contains("A key for workspace 'acme' goes into that workspace's file: name it with --db");
        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(nothing.err()).contains("Name what to do: keys create, keys list or keys revoke.");
    }

    @Test
    void listSaysHowToStartWhenThereAreNoKeys() {
        CliRun run = CliRun.of("keys", "list", "--db", dir.resolve("empty.duckdb").toString());

        assertThat(run.out()).startsWith("No keys yet. Create one with: keys create --role admin --db ");
    }
}

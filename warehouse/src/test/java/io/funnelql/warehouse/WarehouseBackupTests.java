package io.funnelql.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.access.ApiKeys;
import io.funnelql.warehouse.access.IssuedKey;
import io.funnelql.warehouse.access.KeyRole;
import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.Loader;

/** A backup of a warehouse in use is a warehouse with the same rows, keys, history and load ids to come. */
class WarehouseBackupTests {

    @TempDir
    Path dir;

    Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void aBackupWhileInUseHoldsEveryTableAndContinuesTheLoadIds() throws IOException {
        Path backup = dir.resolve("backups/acme-1.duckdb");
        Map<String, String> atBackup;
        IssuedKey key;
        try (Warehouse warehouse = Warehouse.open(dir.resolve("acme.duckdb"), WarehouseSettings.defaults())) {
            Loader loader = new Loader(warehouse);
            loader.load(LoadRequest.of(Dataset.CONTACTS, csv("c1.csv", "contact_id,created_at,mql_at\nc1,2024-06-03,2024-06-10\n")));
            loader.load(LoadRequest.of(Dataset.CONTACTS, csv("c2.csv", "contact_id,created_at\nc1,2024-06-04\nc2,2024-06-05\n")));
            loader.load(LoadRequest.of(Dataset.DEALS, csv("d.csv", "deal_id,amount,closed_at\nd1,100,2024-07-01\n")));
            key = new ApiKeys(warehouse).create("acme", KeyRole.READ, null);
            atBackup = TestWarehouses.snapshot(warehouse, true);

            long bytes = WarehouseBackup.copy(warehouse, backup);

            assertThat(bytes).isEqualTo(Files.size(backup)).isPositive();
            loader.load(LoadRequest.of(Dataset.CONTACTS, csv("c3.csv", "contact_id,created_at\nc3,2024-06-06\n")));
            assertThat(TestWarehouses.snapshot(warehouse, true)).isNotEqualTo(atBackup);
        }
        try (Warehouse restored = Warehouse.open(backup, WarehouseSettings.defaults())) {
            assertThat(TestWarehouses.snapshot(restored, true)).isEqualTo(atBackup);
            assertThat(new ApiKeys(restored).activeByDigest()).containsKey(ApiKeys.sha256(key.secret()));
            assertThat(new Loader(restored).load(LoadRequest.of(Dataset.CONTACTS, csv("c4.csv", "contact_id,created_at\nc4,2024-06-07\n")))
                    .loadId()).as("the next load id after the three in the backup").isEqualTo(4);
        }
    }

    @Test
    void refusesToOverwriteAFile() throws IOException {
        Path existing = Files.writeString(dir.resolve("taken.duckdb"), "not a warehouse");
        try (Warehouse warehouse = TestWarehouses.inMemory()) {
            assertThatThrownBy(() -> WarehouseBackup.copy(warehouse, existing)).isInstanceOf(WarehouseException.class)
                    .hasMessageContaining("exists already");
        }
        assertThat(Files.readString(existing)).isEqualTo("not a warehouse");
    }
}

package io.funnelql.warehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

class ApiKeysTests {

    @TempDir
    Path dir;

    @Test
    void createsA256BitKeyAndStoresOnlyItsSha256() {
        try (Warehouse warehouse = TestWarehouses.inMemory()) {
            IssuedKey issued = new ApiKeys(warehouse).create("acme", KeyRole.READ, " dashboard ");

            assertThat(issued.secret()).matches("fql_[A-Za-z0-9_-]{43}");
            assertThat(issued.key().id()).matches("[0-9a-f]{12}");
            assertThat(issued.key()).extracting(ApiKey::workspace, ApiKey::role, ApiKey::name, ApiKey::active)
                    .containsExactly("acme", KeyRole.READ, "dashboard", true);
            assertThat(TestWarehouses.rows(warehouse, "SELECT key_id, workspace, role, sha256 FROM api_keys"))
                    .containsExactly(issued.key().id() + "|acme|read|" + ApiKeys.sha256(issued.secret()));
            assertThat(TestWarehouses.count(warehouse, "SELECT count(*) FROM api_keys t WHERE CAST(t AS VARCHAR) LIKE '%"
                    + issued.secret().substring(4) + "%'")).isZero();
            assertThat(issued.toString()).doesNotContain(issued.secret());
        }
    }

    @Test
    void everyKeyIsDifferent() {
        try (Warehouse warehouse = TestWarehouses.inMemory()) {
            ApiKeys keys = new ApiKeys(warehouse);
            IssuedKey first = keys.create("default", KeyRole.LOAD, null);
            IssuedKey second = keys.create("default", KeyRole.LOAD, null);

            assertThat(first.secret()).isNotEqualTo(second.secret());
            assertThat(first.key().id()).isNotEqualTo(second.key().id());
            assertThat(keys.activeByDigest()).containsOnlyKeys(ApiKeys.sha256(first.secret()), ApiKeys.sha256(second.secret()));
        }
    }

    @Test
    void aRevokedKeyStaysListedButNoLongerWorks() {
        try (Warehouse warehouse = TestWarehouses.inMemory()) {
            ApiKeys keys = new ApiKeys(warehouse);
            IssuedKey kept = keys.create("default", KeyRole.READ, "kept");
            IssuedKey revoked = keys.create("default", KeyRole.ADMIN, "gone");

            assertThat(keys.revoke(revoked.key().id())).hasValueSatisfying(key -> assertThat(key.active()).isFalse());

            assertThat(keys.activeByDigest()).containsOnlyKeys(ApiKeys.sha256(kept.secret()));
            assertThat(keys.list()).extracting(ApiKey::name, ApiKey::active).containsExactly(
                    tuple("kept", true), tuple("gone", false));
            assertThat(keys.revoke(revoked.key().id())).isEmpty();
            assertThat(keys.revoke("000000000000")).isEmpty();
        }
    }

    @Test
    void keysLiveInTheWarehouseFile() {
        Path file = dir.resolve("acme.duckdb");
        IssuedKey issued;
        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults())) {
            issued = new ApiKeys(warehouse).create("acme", KeyRole.LOAD, null);
        }
        try (Warehouse reopened = Warehouse.open(file, WarehouseSettings.defaults())) {
            assertThat(new ApiKeys(reopened).activeByDigest().get(ApiKeys.sha256(issued.secret()))).isEqualTo(issued.key());
        }
    }

    @Test
    void rolesIncludeTheOnesBelowThem() {
        assertThat(KeyRole.ADMIN.includes(KeyRole.LOAD)).isTrue();
        assertThat(KeyRole.LOAD.includes(KeyRole.READ)).isTrue();
        assertThat(KeyRole.READ.includes(KeyRole.LOAD)).isFalse();
        assertThat(KeyRole.LOAD.includes(KeyRole.ADMIN)).isFalse();
        assertThat(KeyRole.byId(" Admin ")).contains(KeyRole.ADMIN);
        assertThat(KeyRole.byId("owner")).isEmpty();
        assertThat(List.of(KeyRole.values())).extracting(KeyRole::id).containsExactly("read", "load", "admin");
    }
}

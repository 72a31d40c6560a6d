package io.funnelql.api.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.funnelql.warehouse.access.ApiKey;
import io.funnelql.warehouse.access.IssuedKey;

/**
 * A key as the key endpoints answer it: never the key itself, except once, when it is created.
 *
 * @param id the key's public id, to revoke it by
 * @param workspace the workspace it belongs to
 * @param role {@code read}, {@code load} or {@code admin}
 * @param name its label; {@code null} when none
 * @param createdAt when it was created
 * @param revokedAt when it was revoked; {@code null} while it works
 */
record KeyResponse(String id, String workspace, String role, @Nullable String name, Instant createdAt,
                   @Nullable Instant revokedAt) {

    static KeyResponse of(ApiKey key) {
        return new KeyResponse(key.id(), key.workspace(), key.role().id(), key.name(), key.createdAt(), key.revokedAt());
    }

    /**
     * A key just created.
     *
     * @param key the key to send as {@code Authorization: Bearer <key>}; shown now and never again
     */
    record Created(String id, String workspace, String role, @Nullable String name, Instant createdAt, String key) {

        static Created of(IssuedKey issued) {
            ApiKey key = issued.key();
            return new Created(key.id(), key.workspace(), key.role().id(), key.name(), key.createdAt(), issued.secret());
        }
    }
}

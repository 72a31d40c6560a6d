package io.funnelql.warehouse.access;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An API key as the warehouse knows it: everything but the key itself, which is never stored.
 *
 * @param id the key's public id ({@code 3f9a1c2e7b10}), to list and revoke it by; not a secret
 * @param workspace the workspace the key belongs to; it works only where the warehouse is served under this name
 * @param role what the key may do
 * @param name a label the creator gave it ({@code dashboard}); {@code null} when none
 * @param createdAt when it was created
 * @param revokedAt when it was revoked; {@code null} while it works
 */
public record ApiKey(String id, String workspace, KeyRole role, @Nullable String name, Instant createdAt,
                     @Nullable Instant revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** True until the key is revoked. */
    public boolean active() {
        return revokedAt == null;
    }
}

package io.funnelql.warehouse.access;

import java.util.Objects;

/**
 * A key just created: its record, and the key itself, which exists only here. Whoever created it must hand
 * the secret on now; it cannot be shown again.
 *
 * @param key the stored record
 * @param secret the key to send as {@code Authorization: Bearer <secret>}
 */
public record IssuedKey(ApiKey key, String secret) {

    public IssuedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    /** The record only; never prints the secret. */
    @Override
    public String toString() {
        return "IssuedKey[" + key + "]";
    }
}

package io.funnelql.api.security;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.api.workspace.WorkspaceMember;
import io.funnelql.warehouse.access.KeyRole;

/**
 * Who a request acts for: the principal of its authentication.
 *
 * @param workspace the workspace it may use
 * @param role what it may do there
 * @param keyId the id of the API key it presented; {@code null} when keys are off (a local request)
 */
public record KeyHolder(String workspace, KeyRole role, @Nullable String keyId) implements WorkspaceMember {

    public KeyHolder {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(role, "role");
    }

    /** For logs: the key's id, never the key. */
    @Override
    public String toString() {
        return (keyId == null ? "local" : "key " + keyId) + " (" + role.id() + ", workspace " + workspace + ")";
    }
}

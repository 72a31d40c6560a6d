package io.funnelql.api.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.funnelql.api.workspace.Workspace;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.warehouse.access.ApiKey;
import io.funnelql.warehouse.access.ApiKeys;
import io.funnelql.warehouse.access.IssuedKey;
import io.funnelql.warehouse.access.KeyRole;

/**
 * The API keys that work on this server, held in memory by their SHA-256 so that checking a request costs a
 * hash and a map lookup, not a query.
 *
 * <p>Read from every workspace's warehouse on start-up. A key works only in the workspace it was created for:
 * a key whose recorded workspace is not the name its file is served under (a copy of another client's
 * warehouse, say) is ignored, with a warning. The map stays complete while the server runs because nothing
 * else can change the keys meanwhile: the server holds every warehouse file, so {@code keys create} and
 * {@code keys revoke} work only while it is stopped, and keys changed over HTTP go through here.
 */
public final class ApiKeyRegistry {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyRegistry.class);

    private final Map<String, KeyHolder> byDigest = new ConcurrentHashMap<>();

    public ApiKeyRegistry(Workspaces workspaces) {
        for (Workspace workspace : workspaces.all()) {
            store(workspace).activeByDigest().forEach((digest, key) -> {
                if (key.workspace().equals(workspace.name())) {
                    byDigest.put(digest, holder(key));
                } else {
                    log.warn("Key {} in {} was created for workspace '{}', but the file is served as workspace '{}'; "
                            + "the key is not accepted", key.id(), workspace.warehouse().describe(), key.workspace(),
                            workspace.name());
                }
            });
        }
    }

    /** Who presents {@code secret}: the holder of a working key, or empty for anything else. */
    public Optional<KeyHolder> authenticate(String secret) {
        if (!secret.startsWith(ApiKeys.PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byDigest.get(ApiKeys.sha256(secret)));
    }

    /** How many keys work, over every workspace. */
    public int size() {
        return byDigest.size();
    }

    /** Creates a key for a workspace; it works at once. */
    public IssuedKey create(Workspace workspace, KeyRole role, @Nullable String name) {
        IssuedKey issued = store(workspace).create(workspace.name(), role, name);
        byDigest.put(ApiKeys.sha256(issued.secret()), holder(issued.key()));
        log.info("Created key {} ({}) in workspace '{}'", issued.key().id(), role.id(), workspace.name());
        return issued;
    }

    /** Every key of a workspace, revoked ones too, oldest first. */
    public List<ApiKey> list(Workspace workspace) {
        return store(workspace).list().stream().filter(key -> key.workspace().equals(workspace.name())).toList();
    }

    /**
     * Revokes a key of a workspace; it stops working at once.
     *
     * @return the revoked key; empty when the workspace has no working key with that id
     */
    public Optional<ApiKey> revoke(Workspace workspace, String id) {
        boolean owned = list(workspace).stream().anyMatch(key -> key.id().equals(id) && key.active());
        if (!owned) {
            return Optional.empty();
        }
        Optional<ApiKey> revoked = store(workspace).revoke(id);
        revoked.ifPresent(key -> {
            byDigest.values().removeIf(holder -> id.equals(holder.keyId()));
            log.info("Revoked key {} in workspace '{}'", id, workspace.name());
        });
        return revoked;
    }

    private static ApiKeys store(Workspace workspace) {
        return workspace.service(ApiKeys.class, ApiKeys::new);
    }

    private static KeyHolder holder(ApiKey key) {
        return new KeyHolder(key.workspace(), key.role(), key.id());
    }
}

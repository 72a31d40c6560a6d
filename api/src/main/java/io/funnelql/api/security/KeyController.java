package io.funnelql.api.security;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.funnelql.api.BadInputException;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.warehouse.access.KeyRole;

/**
 * The current workspace's API keys over HTTP (role {@code admin}): {@code GET /api/keys} lists them,
 * {@code POST /api/keys} creates one and answers the key, once, and {@code DELETE /api/keys/{id}} revokes one.
 * While a server runs it holds the warehouse files, so this is how keys change without stopping it.
 */
@RestController
@RequestMapping("/api/keys")
class KeyController {

    private final ApiKeyRegistry keys;
    private final Workspaces workspaces;

    KeyController(ApiKeyRegistry keys, Workspaces workspaces) {
        this.keys = keys;
        this.workspaces = workspaces;
    }

    @GetMapping
    List<KeyResponse> list() {
        return keys.list(workspaces.current()).stream().map(KeyResponse::of).toList();
    }

    @PostMapping
    ResponseEntity<KeyResponse.Created> create(@RequestBody KeyRequest request) {
        KeyRole role = KeyRole.byId(request.role() == null ? "" : request.role()).orElseThrow(() -> new BadInputException(
                "Unknown role '" + request.role() + "'. The roles are: " + KeyRole.ids() + "."));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(KeyResponse.Created.of(keys.create(workspaces.current(), role, request.name())));
    }

    @DeleteMapping("/{id}")
    KeyResponse revoke(@PathVariable String id) {
        return keys.revoke(workspaces.current(), id).map(KeyResponse::of).orElseThrow(() -> new UnknownKeyException(id));
    }
}

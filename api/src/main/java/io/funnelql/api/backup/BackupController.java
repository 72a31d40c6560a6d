package io.funnelql.api.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.funnelql.api.BadInputException;
import io.funnelql.api.workspace.Workspace;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.warehouse.WarehouseBackup;

/**
 * {@code POST /api/backup} (role {@code admin}): copies the current workspace's warehouse, as it is at that moment,
 * into a new file {@code <workspace>-<yyyyMMdd-HHmmss>.duckdb} in the backup directory, while the server goes on
 * serving. docs/operations.md says how to restore one.
 */
@RestController
class BackupController {

    private static final Logger log = LoggerFactory.getLogger(BackupController.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Workspaces workspaces;
    private final BackupProperties properties;

    BackupController(Workspaces workspaces, BackupProperties properties) {
        this.workspaces = workspaces;
        this.properties = properties;
    }

    @PostMapping("/api/backup")
    ResponseEntity<BackupResponse> backup() {
        Workspace workspace = workspaces.current();
        if (workspace.warehouse().path().isEmpty()) {
            throw new BadInputException("Workspace '" + workspace.name() + "' keeps its warehouse in memory; there is "
                    + "no file to back up");
        }
        Instant at = Instant.now();
        Path file = properties.directory().resolve(workspace.name() + "-" + STAMP.format(at) + ".duckdb");
        long bytes = WarehouseBackup.copy(workspace.warehouse(), file);
        log.info("Backed up workspace '{}' to {} ({} bytes)", workspace.name(), file.toAbsolutePath().normalize(), bytes);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new BackupResponse(workspace.name(), String.valueOf(file.getFileName()), bytes, at));
    }
}

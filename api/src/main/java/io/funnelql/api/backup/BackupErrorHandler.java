package io.funnelql.api.backup;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.funnelql.api.BadInputException;
import io.funnelql.warehouse.WarehouseException;

/**
 * Answers the backup endpoint's errors as {@code {"error": "..."}}: 400 when there is nothing to back up, 500 with
 * a reference to the server log when the copy failed (the log has the paths; the answer does not).
 */
@RestControllerAdvice(assignableTypes = BackupController.class)
class BackupErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(BackupErrorHandler.class);

    @ExceptionHandler
    ResponseEntity<Map<String, String>> badInput(BadInputException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> failed(WarehouseException e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Backup failed (reference {})", reference, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("error", "The backup failed on the "
                + "server and no copy was kept (reference " + reference + "; the server log has the details)."));
    }
}

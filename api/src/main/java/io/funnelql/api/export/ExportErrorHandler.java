package io.funnelql.api.export;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.funnelql.api.NotFoundException;

/**
 * Answers the export endpoint's errors as JSON {@code {"error": "..."}}: 400 for input the report cannot
 * answer (its message says what to change), 404 for an unknown report or saved report, 500 with a reference
 * otherwise. No answer holds a stack trace, SQL or a server path.
 */
@RestControllerAdvice(assignableTypes = ExportController.class)
class ExportErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ExportErrorHandler.class);

    @ExceptionHandler
    ResponseEntity<Map<String, String>> badInput(IllegalArgumentException e) {
        return answer(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> notFound(NotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, String.valueOf(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> unknownReport(UnknownReportException e) {
        return answer(HttpStatus.NOT_FOUND, String.valueOf(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> unexpected(Exception e) {
        if (e instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            String detail = response.getBody().getDetail();
            return answer(status, detail != null ? detail : "The request failed with status " + status.value() + ".");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Export failed (reference {})", reference, e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "The export failed on the server (reference " + reference
                + "; the server log has the details).");
    }

    private static ResponseEntity<Map<String, String>> answer(HttpStatusCode status, String message) {
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("error", message));
    }
}

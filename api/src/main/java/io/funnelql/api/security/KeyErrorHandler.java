package io.funnelql.api.security;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.funnelql.api.BadInputException;

/**
 * Answers the key endpoints' errors as {@code {"error": "..."}}: 404 for an unknown key, 400 for other bad input.
 * Anything else is left to Spring's own handling, which answers without internals
 * ({@code server.error.include-message: never}).
 */
@RestControllerAdvice(assignableTypes = KeyController.class)
class KeyErrorHandler {

    @ExceptionHandler
    ResponseEntity<Map<String, String>> unknownKey(UnknownKeyException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> badInput(BadInputException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }
}

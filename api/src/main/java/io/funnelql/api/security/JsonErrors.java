package io.funnelql.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the answer of a request refused before it reached a controller, in the shape every FunnelQL endpoint
 * answers errors with: {@code {"error": "..."}}, with the load endpoints' {@code totalProblems} and
 * {@code problems} for a load.
 */
final class JsonErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonErrors() {
    }

    static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        write(response, status, Map.of("error", message));
    }

    /** The same for a load request, in the load endpoints' shape: no problems with the file itself. */
    static void writeForLoad(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("totalProblems", 0);
        body.put("problems", List.of());
        write(response, status, body);
    }

    /**
     * Writes the answer whole, with its length: a request refused before its body was read may have its
     * connection closed after the answer, which must not cut the answer short.
     */
    private static void write(HttpServletResponse response, HttpStatus status, Map<String, ?> body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        response.flushBuffer();
    }
}

package io.funnelql.api.export;

import java.util.Map;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.queries.report.BadQueryException;

/**
 * Reads an export request's JSON into the report's input record, with errors a user can act on (the field
 * and what it should be, never a class name).
 */
public final class ExportInputs {

    private ExportInputs() {
    }

    /** @throws BadQueryException naming the field that cannot be read */
    public static <T> T read(JsonMapper mapper, Map<String, Object> json, Class<T> type) {
        return read(mapper, json, type, "the export input");
    }

    /**
     * @param what the input's name in messages: "the export input", "the saved report's input"
     * @throws BadQueryException naming the field that cannot be read
     */
    public static <T> T read(JsonMapper mapper, Map<String, Object> json, Class<T> type, String what) {
        try {
            return mapper.convertValue(json, type);
        } catch (IllegalArgumentException | DatabindException e) {
            Throwable cause = e instanceof DatabindException ? e : e.getCause();
            String field = cause instanceof DatabindException databind ? databind.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("input") : "input";
            throw new BadQueryException("Cannot read '" + field + "' of " + what + ": " + reason(cause));
        }
    }

    private static String reason(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("not one of the values accepted")) {
            int start = message.indexOf('[');
            int end = message.indexOf(']', start);
            return start >= 0 && end > start ? "expected one of " + message.substring(start + 1, end) : "not an accepted value";
        }
        if (message.contains("java.time")) {
            return "expected a date (2024-06-01) or date-time (2024-06-01T00:00:00Z)";
        }
        return "not a value of the expected type";
    }
}

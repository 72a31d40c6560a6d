package io.funnelql.api;

/**
 * A request to the API named something it cannot serve: an unknown dataset, an upload of an unsupported
 * type, a malformed header mapping.
 *
 * <p>The message is shown to the user as it is (GraphQL answers it as a {@code BAD_REQUEST} error, HTTP as a
 * 4xx), so it says what is wrong and what would be accepted, and holds no SQL, file paths or internals. The
 * query layer throws {@link io.funnelql.queries.report.BadQueryException} for the same purpose; both are
 * answered alike.
 */
public class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}

package io.funnelql.queries;

/**
 * A query or command was given input it cannot answer: an unknown source, a range that ends before it
 * starts, an unknown time zone, a range with more periods than allowed.
 *
 * <p>The message is shown to the user as it is (the API answers it as a {@code BAD_REQUEST} error), so it
 * says what is wrong and what would be accepted, and holds no SQL, file paths or internals.
 */
public class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}

package io.funnelql.queries.report;

/**
 * A report was asked for with input it cannot answer (a range that ends before it starts, an unknown
 * time zone or source, ...). The message says what is wrong and what would be accepted; it never holds
 * SQL or internals, so it can be shown to the user as it is.
 */
public final class BadQueryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public BadQueryException(String message) {
        super(message);
    }
}

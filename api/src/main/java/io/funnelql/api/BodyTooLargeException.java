package io.funnelql.api;

/**
 * A request's body is larger than the server accepts ({@code funnelql.max-upload-size} for loads,
 * {@code funnelql.max-request-size} for everything else); answered 413. Thrown while the body is read, so
 * that a body without a declared length is cut off too, and nothing of it is kept.
 */
public class BodyTooLargeException extends java.io.IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(String message) {
        super(message);
    }
}

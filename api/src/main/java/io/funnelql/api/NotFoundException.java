package io.funnelql.api;

/**
 * A request named something of the workspace's that does not exist, such as a saved report's id.
 *
 * <p>The message is shown to the user as it is (GraphQL answers it as a {@code NOT_FOUND} error), so it names
 * what was asked for and where to find what exists.
 */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}

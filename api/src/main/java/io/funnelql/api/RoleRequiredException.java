package io.funnelql.api;

/**
 * A request whose API key's role does not allow what it asked for (a read key saving a KPI definition). GraphQL
 * answers it as a {@code FORBIDDEN} error with its message, which names the role needed.
 */
public class RoleRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RoleRequiredException(String message) {
        super(message);
    }
}

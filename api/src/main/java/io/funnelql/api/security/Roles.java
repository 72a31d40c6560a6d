package io.funnelql.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import io.funnelql.api.RoleRequiredException;
import io.funnelql.warehouse.access.KeyRole;

/**
 * Checks the current request's role where the URL alone does not decide it: GraphQL mutations share
 * {@code /graphql}, which role {@code read} may use. A request acting for an API key must have at least the role
 * named; with keys off every request may (it acts with every role).
 */
public final class Roles {

    private Roles() {
    }

    /**
     * @param needed the least role that may
     * @param action what the request does, for the message ("Saving a KPI definition")
     * @throws RoleRequiredException when the request's key has a lower role
     */
    public static void require(KeyRole needed, String action) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof KeyHolder holder && !holder.role().includes(needed)) {
            throw new RoleRequiredException(action + " needs an API key with role " + needed.id() + " or higher; this key's role is "
                    + holder.role().id());
        }
    }
}

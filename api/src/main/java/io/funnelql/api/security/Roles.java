package io.funnelql.api.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import io.funnelql.warehouse.access.KeyRole;

/**
 * Checks the role of the request being served where the URL alone cannot: a GraphQL mutation arrives at
 * {@code /graphql} like every query, which role {@code read} may use.
 */
public final class Roles {

    private Roles() {
    }

    /**
     * Lets the request go on when its API key has {@code role} (or a higher one), or when API keys are off (the
     * request then carries no key holder, or one acting with every role).
     *
     * @param action what the request does, for the message: "Saving a report"
     * @throws AccessDeniedException naming the role needed and the key's
     */
    public static void require(KeyRole role, String action) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof KeyHolder holder && !holder.role().includes(role)) {
            throw new AccessDeniedException(action + " needs an API key with role " + role.id() + " or higher; this key has role "
                    + holder.role().id() + ".");
        }
    }
}

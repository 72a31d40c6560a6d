package io.funnelql.api.security;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/keys}'s body.
 *
 * @param role {@code read}, {@code load} or {@code admin}
 * @param name a label for lists ({@code dashboard}); optional
 */
record KeyRequest(@Nullable String role, @Nullable String name) {
}

/**
 * Who may do what: API keys ({@code Authorization: Bearer <key>}) with roles, each belonging to one workspace,
 * checked by Spring Security's filter chain when {@code funnelql.security.enabled} is true; the key admin
 * endpoints ({@code /api/keys}); request size limits; and, with keys off, a server that listens on the
 * loopback address only unless told otherwise.
 */
@NullMarked
package io.funnelql.api.security;

import org.jspecify.annotations.NullMarked;

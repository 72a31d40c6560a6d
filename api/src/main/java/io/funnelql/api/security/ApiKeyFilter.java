package io.funnelql.api.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@code Authorization: Bearer <key>} header: a working key makes the request
 * act for the key's workspace with the key's role; a malformed, unknown or revoked key is answered 401 at once.
 * A request without the header goes on unauthenticated, and the filter chain's rules decide (401 for anything
 * but health checks and static pages).
 *
 * <p>A request may also name its workspace ({@value #WORKSPACE_HEADER}); naming another than the key's is
 * answered 403, so that a client pointed at the wrong workspace learns it instead of reading its own.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    /** The optional header that names the workspace a request means. */
    static final String WORKSPACE_HEADER = "FunnelQL-Workspace";

    private static final String BEARER = "Bearer ";
    private static final RequestAttributeSecurityContextRepository REQUEST_CONTEXT = new RequestAttributeSecurityContextRepository();

    private final ApiKeyRegistry keys;

    ApiKeyFilter(ApiKeyRegistry keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            unauthorized(response, "The Authorization header must be 'Bearer <key>' with an API key of this server.");
            return;
        }
        Optional<KeyHolder> holder = keys.authenticate(authorization.substring(BEARER.length()).strip());
        if (holder.isEmpty()) {
            unauthorized(response, "The API key is not valid here: it is unknown, revoked, or belongs to another server.");
            return;
        }
        String named = request.getHeader(WORKSPACE_HEADER);
        if (named != null && !named.strip().equals(holder.get().workspace())) {
            JsonErrors.write(response, HttpStatus.FORBIDDEN, "This key belongs to workspace '" + holder.get().workspace()
                    + "'; it cannot use workspace '" + named.strip() + "'.");
            return;
        }
        proceedAs(holder.get(), request, response, chain);
    }

    /**
     * Goes on with the request acting for {@code holder} (its role as authority). The authentication is also kept
     * in the request, where Spring Security finds it again when an asynchronous request (GraphQL's) is dispatched.
     */
    static void proceedAs(KeyHolder holder, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PreAuthenticatedAuthenticationToken(holder, "",
                List.of(new SimpleGrantedAuthority("ROLE_" + holder.role().name()))));
        SecurityContextHolder.setContext(context);
        REQUEST_CONTEXT.saveContext(context, request, response);
        chain.doFilter(request, response);
    }

    static void unauthorized(HttpServletResponse response, String message) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"funnelql\"");
        JsonErrors.write(response, HttpStatus.UNAUTHORIZED, message);
    }
}

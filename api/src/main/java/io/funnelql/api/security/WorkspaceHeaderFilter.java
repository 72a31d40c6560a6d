package io.funnelql.api.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.funnelql.api.workspace.Workspaces;
import io.funnelql.warehouse.access.KeyRole;

/**
 * With keys off, lets a request pick its workspace with the {@value ApiKeyFilter#WORKSPACE_HEADER} header
 * (the default workspace without it), acting with every role; an unknown workspace is answered 404. With keys
 * off the server is for its own machine (it listens on 127.0.0.1 unless told otherwise), so nothing is checked.
 */
final class WorkspaceHeaderFilter extends OncePerRequestFilter {

    private final Workspaces workspaces;

    WorkspaceHeaderFilter(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String named = request.getHeader(ApiKeyFilter.WORKSPACE_HEADER);
        if (named == null || named.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        String workspace = named.strip();
        if (workspaces.find(workspace).isEmpty()) {
            JsonErrors.write(response, HttpStatus.NOT_FOUND, "Unknown workspace '" + workspace + "'. This server serves: "
                    + String.join(", ", workspaces.names()) + ".");
            return;
        }
        ApiKeyFilter.proceedAs(new KeyHolder(workspace, KeyRole.ADMIN, null), request, response, chain);
    }
}

package io.funnelql.api.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code 415} to a request whose {@code Content-Type} is not a media type a body can have: a wildcard
 * ({@code * / *}, {@code text/*}) or text that does not parse. Spring's request handling refuses such a header by
 * throwing, which would otherwise be answered as a server error ({@code 500}) on any path.
 */
final class ContentTypeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank() && !concrete(contentType)) {
            JsonErrors.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The Content-Type '" + contentType.strip()
                    + "' names no one type of body: send the body's own type, such as application/json or text/csv.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}

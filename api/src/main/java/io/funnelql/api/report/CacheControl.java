package io.funnelql.api.report;

import java.util.Locale;

import graphql.GraphQLContext;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads HTTP {@code Cache-Control: no-cache} on GraphQL requests into the GraphQL context, so that report
 * controllers compute a fresh answer instead of serving a cached one.
 */
@Component
public class CacheControl implements WebGraphQlInterceptor {

    /** The GraphQL context key: true when the request asked for a fresh answer. */
    public static final String REFRESH = "funnelql.refresh";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String header = request.getHeaders().getFirst("Cache-Control");
        boolean refresh = header != null && header.toLowerCase(Locale.ROOT).contains("no-cache");
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(java.util.Map.of(REFRESH, refresh)).build());
        return chain.next(request);
    }

    /** True when the request behind {@code context} asked for a fresh answer. */
    public static boolean refresh(GraphQLContext context) {
        return Boolean.TRUE.equals(context.get(REFRESH));
    }
}

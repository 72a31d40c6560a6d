package io.funnelql.api.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one GraphQL request may ask for, the {@code funnelql.graphql.*} properties. A request over a limit is
 * refused before anything runs, with a {@code BAD_REQUEST} error naming the limit.
 *
 * @param introspection answer introspection ({@code __schema}, {@code __type}), which GraphiQL and code
 *        generators need; turn it off to keep the schema to yourself
 * @param maxDepth the deepest nesting of fields
 * @param maxComplexity the most fields, where each query field ({@code funnel}, {@code loads}, ...) counts
 *        {@value #QUERY_FIELD_COST}, because each computes a report, and every other field 1
 * @param maxTokens the most tokens (names, punctuation, values) the document may have; it is not parsed further
 * @param maxAliases the most aliased fields, which would otherwise ask for the same report many times over
 */
@ConfigurationProperties("funnelql.graphql")
public record GraphQlLimits(@DefaultValue("true") boolean introspection, @DefaultValue("15") int maxDepth,
                            @DefaultValue("300") int maxComplexity, @DefaultValue("3000") int maxTokens,
                            @DefaultValue("20") int maxAliases) {

    /** What a field of {@code Query} counts towards the complexity, besides its selections. */
    public static final int QUERY_FIELD_COST = 25;

    public GraphQlLimits {
        if (maxDepth < 2 || maxComplexity < QUERY_FIELD_COST || maxTokens < 10 || maxAliases < 0) {
            throw new IllegalArgumentException("funnelql.graphql limits are too small to answer any query: max-depth "
                    + maxDepth + ", max-complexity " + maxComplexity + ", max-tokens " + maxTokens + ", max-aliases " + maxAliases);
        }
    }

    /** The defaults: introspection on, depth 15, complexity 300, 3,000 tokens, 20 aliases. */
    public static GraphQlLimits defaults() {
        return new GraphQlLimits(true, 15, 300, 3000, 20);
    }
}

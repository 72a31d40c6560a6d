package io.funnelql.api.graphql;

import java.util.List;

import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLObjectType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;

/**
 * The instrumentations that enforce {@link GraphQlLimits}: graphql-java's own depth and complexity checks, and
 * {@link RequestLimits} for tokens, aliases and introspection. Spring Boot adds every {@link Instrumentation}
 * bean to the GraphQL engine; they are one bean, {@link OperationLimits}, so that no field pays for them.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlLimitsConfiguration {

    /** The one instrumentation bean: the limits below, called for the whole operation, never per field. */
    @Bean
    Instrumentation requestLimits(GraphQlLimits limits) {
        return new OperationLimits(List.of(maxQueryDepth(limits), maxQueryComplexity(limits), new RequestLimits(limits)));
    }

    private static Instrumentation maxQueryDepth(GraphQlLimits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return refused("The query is " + depth + " fields deep; at most " + maxDepth
                        + " are allowed (funnelql.graphql.max-depth). Ask for fewer nested fields.");
            }
        };
    }

    private static Instrumentation maxQueryComplexity(GraphQlLimits limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), (environment, children) ->
                children + (environment.getParentType() instanceof GraphQLObjectType type && type.getName().equals("Query")
                        ? GraphQlLimits.QUERY_FIELD_COST : 1)) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return refused("The query's complexity is " + complexity + "; at most " + maxComplexity + " is allowed "
                        + "(funnelql.graphql.max-complexity; each report counts " + GraphQlLimits.QUERY_FIELD_COST
                        + ", each other field 1). Ask for fewer reports or fields in one request.");
            }
        };
    }

    /** Refuses the whole request with one {@code BAD_REQUEST} error. */
    static AbortExecutionException refused(String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST).message(message).build()));
    }
}

package io.funnelql.api.graphql;

import java.util.ArrayList;
import java.util.List;

import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLObjectType;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * The instrumentations of the GraphQL engine, as one, {@link OperationLimits}, called for the whole operation
 * and never per field: graphql-java's own depth and complexity checks and {@link RequestLimits}
 * (tokens, aliases, introspection) that enforce {@link GraphQlLimits}, and the {@code graphql.request}
 * observation (metrics of every request, when Micrometer's observation registry is there).
 *
 * <p>Spring Boot chains every {@link Instrumentation} bean, and its own observation instrumentation (excluded
 * in {@code application.yml}) is called for every field to observe controller fetches; that chain alone took
 * a quarter of the time a 400 KB answer spent in GraphQL. Requests are still observed; single data fetchers
 * are not.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlLimitsConfiguration {

    /**
     * The engine's one instrumentation: the limits below and the request observation, called for the whole
     * operation. Installed as the engine's own rather than as a bean, since Spring wraps the beans it finds
     * in a chain of its own, which is called for every field even around a single member.
     */
    @Bean
    GraphQlSourceBuilderCustomizer operationInstrumentation(GraphQlLimits limits, ObjectProvider<ObservationRegistry> observations) {
        List<Instrumentation> operation = new ArrayList<>(List.of(maxQueryDepth(limits), maxQueryComplexity(limits),
                new RequestLimits(limits)));
        observations.ifAvailable(registry -> operation.add(new GraphQlObservationInstrumentation(registry)));
        OperationLimits instrumentation = new OperationLimits(operation);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.instrumentation(instrumentation));
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

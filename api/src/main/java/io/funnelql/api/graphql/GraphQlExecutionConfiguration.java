package io.funnelql.api.graphql;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;

/**
 * Queries run with {@link PlainDataExecutionStrategy}. graphql-java makes its default strategy with the
 * exception handler Spring gives it; a strategy set by hand needs the same handler, made the same way from
 * the same resolvers (every {@link DataFetcherExceptionResolver} bean, in order, as Spring Boot passes them),
 * so that errors are classified exactly as before.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlExecutionConfiguration {

    @Bean
    GraphQlSourceBuilderCustomizer plainDataExecution(ObjectProvider<DataFetcherExceptionResolver> resolvers) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.queryExecutionStrategy(
                new PlainDataExecutionStrategy(DataFetcherExceptionResolver.createExceptionHandler(resolvers.orderedStream().toList()))));
    }
}

package io.funnelql.api.graphql;

import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;

import io.funnelql.api.BadInputException;
import io.funnelql.api.NotFoundException;

/**
 * Turns exceptions from GraphQL controllers into GraphQL errors: bad input ({@link BadInputException}, and
 * {@link IllegalArgumentException}, which the query layer's {@code BadQueryException} is) becomes
 * {@code BAD_REQUEST} with its message, which says what to change; {@link NotFoundException} {@code NOT_FOUND} and
 * a role too low for a mutation ({@link AccessDeniedException}) {@code FORBIDDEN}, each with its message; anything
 * else becomes {@code INTERNAL_ERROR} with a generic message and a reference to the server log, so that no stack
 * trace, SQL text or file path reaches a client.
 */
@ControllerAdvice
class GraphQlErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrorAdvice.class);

    @GraphQlExceptionHandler
    GraphQLError badInput(BadInputException e, DataFetchingEnvironment environment) {
        return error(environment, ErrorType.BAD_REQUEST, String.valueOf(e.getMessage()));
    }

    @GraphQlExceptionHandler
    GraphQLError illegalArgument(IllegalArgumentException e, DataFetchingEnvironment environment) {
        return error(environment, ErrorType.BAD_REQUEST, String.valueOf(e.getMessage()));
    }

    @GraphQlExceptionHandler
    GraphQLError notFound(NotFoundException e, DataFetchingEnvironment environment) {
        return error(environment, ErrorType.NOT_FOUND, String.valueOf(e.getMessage()));
    }

    @GraphQlExceptionHandler
    GraphQLError forbidden(AccessDeniedException e, DataFetchingEnvironment environment) {
        return error(environment, ErrorType.FORBIDDEN, String.valueOf(e.getMessage()));
    }

    @GraphQlExceptionHandler
    GraphQLError unexpected(Throwable e, DataFetchingEnvironment environment) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("GraphQL field {} failed (reference {})", environment.getExecutionStepInfo().getPath(), reference, e);
        return error(environment, ErrorType.INTERNAL_ERROR,
                "Internal error (reference " + reference + "); the server log has the details.");
    }

    private static GraphQLError error(DataFetchingEnvironment environment, ErrorType type, String message) {
        return GraphqlErrorBuilder.newError(environment).errorType(type).message(message).build();
    }
}

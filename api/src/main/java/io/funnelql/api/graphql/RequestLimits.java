package io.funnelql.api.graphql;

import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.Introspection;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.parser.ParserOptions;
import org.jspecify.annotations.Nullable;

/**
 * The limits graphql-java has no instrumentation for: the parser stops after {@code maxTokens} tokens (the
 * document is never parsed whole), a document with more than {@code maxAliases} aliased fields is refused,
 * and introspection is answered only when it is on. Per request, through the request's GraphQL context, so that
 * nothing JVM-wide changes.
 */
final class RequestLimits extends SimplePerformantInstrumentation {

    private final GraphQlLimits limits;
    private final ParserOptions parserOptions;

    RequestLimits(GraphQlLimits limits) {
        this.limits = limits;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(limits.maxTokens()));
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                                                   @Nullable InstrumentationState state) {
        input.getGraphQLContext().put(ParserOptions.class, parserOptions);
        if (!limits.introspection()) {
            input.getGraphQLContext().put(Introspection.INTROSPECTION_DISABLED, true);
        }
        return input;
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, @Nullable InstrumentationState state) {
        int aliases = aliases(parameters.getExecutionContext().getDocument());
        if (aliases > limits.maxAliases()) {
            throw GraphQlLimitsConfiguration.refused("The query has " + aliases + " aliased fields; at most "
                    + limits.maxAliases() + " are allowed (funnelql.graphql.max-aliases). Send several requests instead.");
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** Aliased fields anywhere in the document, fragments included. */
    static int aliases(Document document) {
        AtomicInteger count = new AtomicInteger();
        count(document, count);
        return count.get();
    }

    private static void count(Node<?> node, AtomicInteger count) {
        if (node instanceof Field field && field.getAlias() != null) {
            count.incrementAndGet();
        }
        for (Node<?> child : node.getChildren()) {
            count(child, count);
        }
    }
}

package io.funnelql.api.report;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;

/** What a GraphQL request's operation is, as far as the {@link ResponseCache} cares. */
enum Operation {

    /** A query whose top-level fields are all cacheable. */
    CACHEABLE,
    /** Any other query (or a document that does not parse, left for GraphQL to refuse). */
    OTHER,
    /** A mutation: it may change what later queries answer. */
    MUTATION;

    /**
     * Classifies the operation {@code operationName} (or the document's only one) of {@code document}.
     *
     * @param cacheable the top-level query fields whose answers may be cached
     */
    static Operation of(String document, @Nullable String operationName, Set<String> cacheable) {
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (RuntimeException e) {
            return OTHER;
        }
        List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class);
        OperationDefinition operation = operations.stream()
                .filter(o -> operationName == null ? operations.size() == 1 : Objects.equals(o.getName(), operationName))
                .findFirst().orElse(null);
        if (operation == null) {
            return OTHER;
        }
        if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
            return operation.getOperation() == OperationDefinition.Operation.MUTATION ? MUTATION : OTHER;
        }
        for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
            if (!(selection instanceof Field field) || !cacheable.contains(field.getName())
                    || !field.getDirectives().isEmpty()) {
                return OTHER;
            }
        }
        return CACHEABLE;
    }
}

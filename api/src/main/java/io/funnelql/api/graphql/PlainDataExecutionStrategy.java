package io.funnelql.api.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import graphql.ExperimentalApi;
import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.execution.ResultNodesInfo;
import graphql.introspection.Introspection;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.LightDataFetcher;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.SingletonPropertyDataFetcher;
import org.jspecify.annotations.Nullable;

/**
 * graphql-java's execution with a shortcut for plain data: an object whose every field is read straight from
 * the Java object (graphql-java's property fetchers, {@link SingletonPropertyDataFetcher} or
 * {@link PropertyDataFetcher}, and no arguments), and so is every field of the
 * object types below it, is turned into its part of the answer in one walk, with the same field collection
 * (fragments, aliases, {@code @skip}/{@code @include}), value unboxing and scalar and enum serialisation as
 * graphql-java's own completion, but without its per-field parameters, futures and instrumentation calls.
 *
 * <p>The rows of a report are such objects: a three-year funnel by month and source is some 25,000 fields,
 * and graphql-java's general machinery for each of them took most of the time the answer spent in GraphQL.
 * Anything else (a field with a controller behind it, an interface, a value that would be an error or a null
 * where none is allowed, {@code @defer}, a result-size limit) leaves the object to graphql-java, which then
 * answers exactly as it always does, errors included. {@code PlainDataExecutionStrategyTests} holds the two
 * paths to the same answers.
 */
final class PlainDataExecutionStrategy extends AsyncExecutionStrategy {

    /** Thrown inside the shortcut when an object is not plain after all; never leaves this class. */
    private static final class NotPlain extends RuntimeException {

        private static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }

    /** The environment a property fetcher asks for only when it is not reading a property: never, here. */
    private static final Supplier<DataFetchingEnvironment> NO_ENVIRONMENT = () -> {
        throw NotPlain.INSTANCE;
    };

    /** Per object type name: true when every field is a plain property and every object type below is plain. */
    private final ConcurrentMap<String, Boolean> plainTypes = new ConcurrentHashMap<>();

    PlainDataExecutionStrategy(DataFetcherExceptionHandler exceptionHandler) {
        super(exceptionHandler);
    }

    @Override
    protected Object completeValueForObject(ExecutionContext context, ExecutionStrategyParameters parameters,
                                            GraphQLObjectType type, Object value) {
        if (isPlain(context.getGraphQLSchema(), type) && !incrementalOrLimited(context.getGraphQLContext())) {
            try {
                return new Walk(context).object(type, parameters.getField(), value);
            } catch (NotPlain notPlain) {
                // graphql-java's own completion below.
            }
        }
        return super.completeValueForObject(context, parameters, type, value);
    }

    /**
     * One selection of one object type, resolved once for every object it is asked of: the rows of a report
     * share their selection, so their fields are collected (fragments, aliases, directives) and their fetchers
     * looked up once, not once a row.
     *
     * @param keys  the answer's keys, in order
     * @param steps per key, the field to read, or a null definition for {@code __typename}
     */
    private record Plan(GraphQLObjectType type, List<String> keys, Step[] steps) {
    }

    private record Step(@Nullable GraphQLFieldDefinition definition, @Nullable LightDataFetcher<?> fetcher, MergedField field) {
    }

    /** One completion's walk: its execution and the plans made so far, by selection. */
    private final class Walk {

        private final ExecutionContext context;
        private final Map<MergedField, Plan> plans = new IdentityHashMap<>();

        Walk(ExecutionContext context) {
            this.context = context;
        }

        Map<String, Object> object(GraphQLObjectType type, MergedField field, Object source) {
            Plan plan = plans.get(field);
            if (plan == null || plan.type() != type) {
                plan = plan(type, field);
                plans.put(field, plan);
            }
            Step[] steps = plan.steps();
            List<Object> values = new ArrayList<>(steps.length);
            for (Step step : steps) {
                GraphQLFieldDefinition definition = step.definition();
                if (definition == null) {
                    values.add(type.getName());
                    continue;
                }
                Object fetched;
                try {
                    fetched = step.fetcher().get(definition, source, NO_ENVIRONMENT);
                } catch (Exception e) {
                    throw NotPlain.INSTANCE;
                }
                values.add(value(definition.getType(), step.field(), fetched));
            }
            return context.getResponseMapFactory().createInsertionOrdered(plan.keys(), values);
        }

        private Plan plan(GraphQLObjectType type, MergedField field) {
            FieldCollectorParameters collector = FieldCollectorParameters.newParameters()
                    .schema(context.getGraphQLSchema())
                    .objectType(type)
                    .fragments(context.getFragmentsByName())
                    .variables(context.getCoercedVariables().toMap())
                    .graphQLContext(context.getGraphQLContext())
                    .build();
            MergedSelectionSet selection = fieldCollector.collectFields(collector, field, false);
            List<String> keys = List.copyOf(selection.getKeys());
            Step[] steps = new Step[keys.size()];
            GraphQLCodeRegistry code = context.getGraphQLSchema().getCodeRegistry();
            for (int i = 0; i < steps.length; i++) {
                MergedField subField = selection.getSubField(keys.get(i));
                String name = subField.getName();
                if (name.equals(Introspection.TypeNameMetaFieldDef.getName())) {
                    steps[i] = new Step(null, null, subField);
                    continue;
                }
                GraphQLFieldDefinition definition = type.getFieldDefinition(name);
                if (definition == null || !subField.getArguments().isEmpty()
                        || !(code.getDataFetcher(type, definition) instanceof LightDataFetcher<?> fetcher) || !isProperty(fetcher)) {
                    throw NotPlain.INSTANCE;
                }
                steps[i] = new Step(definition, fetcher, subField);
            }
            return new Plan(type, keys, steps);
        }

        @Nullable Object value(GraphQLOutputType type, MergedField field, @Nullable Object fetched) {
            Object value = context.getValueUnboxer().unbox(fetched);
            if (value instanceof DataFetcherResult<?> || value instanceof CompletionStage<?>) {
                throw NotPlain.INSTANCE;
            }
            if (type instanceof GraphQLNonNull nonNull) {
                if (value == null) {
                    throw NotPlain.INSTANCE;
                }
                return value((GraphQLOutputType) nonNull.getWrappedType(), field, value);
            }
            if (value == null) {
                return null;
            }
            if (type instanceof GraphQLList list) {
                if (!(value instanceof Collection<?> items)) {
                    throw NotPlain.INSTANCE;
                }
                GraphQLOutputType itemType = (GraphQLOutputType) list.getWrappedType();
                List<Object> completed = new ArrayList<>(items.size());
                for (Object item : items) {
                    completed.add(value(itemType, field, item));
                }
                return completed;
            }
            Object serialised;
            try {
                if (type == Scalars.GraphQLInt && value instanceof Long number && number == number.intValue()) {
                    // What graphql-java's Int gives a long that fits, without its detour through BigDecimal.
                    serialised = number.intValue();
                } else if (type instanceof GraphQLScalarType scalar) {
                    serialised = scalar.getCoercing().serialize(value, context.getGraphQLContext(), context.getLocale());
                } else if (type instanceof GraphQLEnumType enumType) {
                    serialised = enumType.serialize(value, context.getGraphQLContext(), context.getLocale());
                } else if (type instanceof GraphQLObjectType object && isPlain(context.getGraphQLSchema(), object)) {
                    return object(object, field, value);
                } else {
                    throw NotPlain.INSTANCE;
                }
            } catch (RuntimeException e) {
                throw NotPlain.INSTANCE;
            }
            // A value that serialises to nothing is graphql-java's to report.
            if (serialised == null || serialised instanceof Double d && d.isNaN()) {
                throw NotPlain.INSTANCE;
            }
            return serialised;
        }
    }

    private boolean isPlain(GraphQLSchema schema, GraphQLObjectType type) {
        Boolean known = plainTypes.get(type.getName());
        if (known == null) {
            known = plain(schema, type, new HashSet<>());
            plainTypes.put(type.getName(), known);
        }
        return known;
    }

    /**
     * Whether every field of {@code type} is a plain property of a scalar, an enum or a plain object type. A type
     * met again below itself counts as plain there: the answer is decided by its other fields. The walk checks
     * each fetcher and nested type again anyway.
     */
    private boolean plain(GraphQLSchema schema, GraphQLObjectType type, Set<String> visiting) {
        Boolean known = plainTypes.get(type.getName());
        if (known != null) {
            return known;
        }
        if (!visiting.add(type.getName())) {
            return true;
        }
        for (GraphQLFieldDefinition definition : type.getFieldDefinitions()) {
            if (!isProperty(schema.getCodeRegistry().getDataFetcher(type, definition)) || !definition.getArguments().isEmpty()) {
                return false;
            }
            GraphQLType unwrapped = definition.getType();
            while (unwrapped instanceof GraphQLNonNull || unwrapped instanceof GraphQLList) {
                unwrapped = unwrapped instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : ((GraphQLList) unwrapped).getWrappedType();
            }
            boolean plainType = unwrapped instanceof GraphQLScalarType || unwrapped instanceof GraphQLEnumType
                    || unwrapped instanceof GraphQLObjectType object && plain(schema, object, visiting);
            if (!plainType) {
                return false;
            }
        }
        return true;
    }

    private static boolean isProperty(DataFetcher<?> fetcher) {
        return fetcher instanceof SingletonPropertyDataFetcher || fetcher.getClass() == PropertyDataFetcher.class;
    }

    /** The object types found plain so far (tests). */
    Set<String> plainTypeNames() {
        return plainTypes.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** {@code @defer} on, or a limit on the answer's size: graphql-java's to handle. */
    private static boolean incrementalOrLimited(@Nullable GraphQLContext context) {
        return context != null && (Boolean.TRUE.equals(context.getBoolean(ExperimentalApi.ENABLE_INCREMENTAL_SUPPORT))
                || context.hasKey(ResultNodesInfo.MAX_RESULT_NODES));
    }
}

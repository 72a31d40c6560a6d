package io.funnelql.api.graphql;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Wires the schema's scalars: {@code Date} (ISO-8601 calendar date, {@code 2024-06-01}) and {@code DateTime}
 * (RFC 3339 date-time with offset, {@code 2024-06-01T14:30:00.000Z}), both from graphql-java-extended-scalars.
 *
 * <p>{@code DateTime} also serialises {@link Instant} (what the warehouse stores and its records carry), as UTC.
 */
@Component
class GraphQlScalars implements RuntimeWiringConfigurer {

    static final GraphQLScalarType DATE_TIME = ExtendedScalars.DateTime.transform(
            builder -> builder.coercing(new InstantAsUtc(ExtendedScalars.DateTime.getCoercing())));

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        builder.scalar(ExtendedScalars.Date).scalar(DATE_TIME);
    }

    /** Delegates to the extended scalar, turning an {@link Instant} into an offset date-time at UTC first. */
    private record InstantAsUtc(Coercing<?, ?> delegate) implements Coercing<Object, Object> {

        private static Object utc(Object value) {
            return value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
        }

        @Override
        public @Nullable Object serialize(Object value, GraphQLContext context, Locale locale) {
            return delegate.serialize(utc(value), context, locale);
        }

        @Override
        public @Nullable Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return delegate.parseValue(input, context, locale);
        }

        @Override
        public @Nullable Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return delegate.parseLiteral(input, variables, context, locale);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return delegate.valueToLiteral(utc(input), context, locale);
        }
    }
}

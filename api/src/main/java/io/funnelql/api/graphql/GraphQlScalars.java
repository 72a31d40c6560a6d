package io.funnelql.api.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Wires the schema's scalars: {@code Date} (ISO-8601 calendar date, {@code 2024-06-01}; one that does not exist,
 * such as {@code 2024-02-30}, is refused) and {@code DateTime} (RFC 3339 date-time with offset,
 * {@code 2024-06-01T14:30:00.000Z}), both from graphql-java-extended-scalars, and its {@code JSON} (any JSON value,
 * which saved reports keep their input as).
 *
 * <p>{@code DateTime} also serialises {@link Instant} (what the warehouse stores and its records carry), as UTC.
 */
@Component
class GraphQlScalars implements RuntimeWiringConfigurer {

    static final GraphQLScalarType DATE_TIME = ExtendedScalars.DateTime.transform(
            builder -> builder.coercing(new InstantAsUtc(ExtendedScalars.DateTime.getCoercing())));

    static final GraphQLScalarType DATE = ExtendedScalars.Date.transform(
            builder -> builder.coercing(new CalendarDate(ExtendedScalars.Date.getCoercing())));

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        builder.scalar(DATE).scalar(DATE_TIME).scalar(ExtendedScalars.Json);
    }

    /**
     * Delegates to the extended scalar, refusing a date it would quietly move: its pattern resolves
     * {@code 2024-02-30} to February 29th. A date is accepted only when it reads back as written.
     */
    private record CalendarDate(Coercing<?, ?> delegate) implements Coercing<Object, Object> {

        private static String refusal(Object input) {
            return "'" + input + "' is not a calendar date; write one such as 2024-06-01";
        }

        private static boolean exact(@Nullable Object parsed, String written) {
            return parsed instanceof LocalDate date && date.toString().equals(written.strip());
        }

        @Override
        public @Nullable Object serialize(Object value, GraphQLContext context, Locale locale) {
            return delegate.serialize(value, context, locale);
        }

        @Override
        public @Nullable Object parseValue(Object input, GraphQLContext context, Locale locale) {
            Object parsed = delegate.parseValue(input, context, locale);
            if (input instanceof String written && !exact(parsed, written)) {
                throw new CoercingParseValueException(refusal(input));
            }
            return parsed;
        }

        @Override
        public @Nullable Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            Object parsed = delegate.parseLiteral(input, variables, context, locale);
            if (input instanceof StringValue written && !exact(parsed, written.getValue())) {
                throw new CoercingParseLiteralException(refusal(written.getValue()));
            }
            return parsed;
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return delegate.valueToLiteral(input, context, locale);
        }
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

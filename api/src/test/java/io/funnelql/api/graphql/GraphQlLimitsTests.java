package io.funnelql.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import graphql.introspection.IntrospectionQuery;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.funnelql.api.ServerTest;

/**
 * Requests over a GraphQL limit are refused whole with one error naming the limit; GraphiQL's introspection
 * query stays within the defaults.
 */
@ServerTest
class GraphQlLimitsTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    MeterRegistry registry;

    /**
     * The limits and the request observation are the engine's one instrumentation: requests are still timed
     * ({@code graphql.request}), and no other instrumentation is chained to be called for every field.
     */
    @Test
    void requestsAreObservedByTheOneOperationLevelInstrumentation(@Autowired GraphQlSource source) {
        long before = registry.find("graphql.request").timers().stream().mapToLong(Timer::count).sum();

        graphQl.document("{ __typename }").execute().errors().verify();

        assertThat(registry.find("graphql.request").timers().stream().mapToLong(Timer::count).sum()).isEqualTo(before + 1);
        assertThat(source.graphQl().getInstrumentation()).isExactlyInstanceOf(OperationLimits.class);
    }

    ResponseError onlyError(String document) {
        ResponseError[] error = new ResponseError[1];
        graphQl.document(document).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            error[0] = errors.get(0);
        }).path("sources").pathDoesNotExist();
        return error[0];
    }

    @Test
    void graphiqlsIntrospectionQueryIsWithinEveryDefaultLimit() {
        graphQl.document(IntrospectionQuery.INTROSPECTION_QUERY).execute().errors().verify()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
    }

    @Test
    void aQueryDeeperThanFifteenFieldsIsRefused() {
        String deep = "{ __schema { types { fields { type" + " { ofType".repeat(12) + " { name }" + " }".repeat(12) + " } } } }";

        ResponseError error = onlyError(deep);

        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(error.getMessage()).isEqualTo("The query is 17 fields deep; at most 15 are allowed "
                + "(funnelql.graphql.max-depth). Ask for fewer nested fields.");
    }

    @Test
    void moreReportsInOneRequestThanTheComplexityAllowsAreRefused() {
        String twelveLoads = IntStream.range(0, 12).mapToObj(i -> "l" + i + ": loads { loadId }").collect(Collectors.joining(" "));

        ResponseError error = onlyError("{ " + twelveLoads + " }");

        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(error.getMessage()).startsWith("The query's complexity is 312; at most 300 is allowed");
    }

    @Test
    void moreThanTwentyAliasesAreRefused() {
        String aliases = IntStream.range(0, 21).mapToObj(i -> "s" + i + ": source").collect(Collectors.joining(" "));

        ResponseError error = onlyError("{ sources { " + aliases + " } }");

        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(error.getMessage()).isEqualTo("The query has 21 aliased fields; at most 20 are allowed "
                + "(funnelql.graphql.max-aliases). Send several requests instead.");
    }

    @Test
    void aDocumentOfMoreThanThreeThousandTokensIsNotParsedFurther() {
        String document = "{ sources { " + "source ".repeat(3000) + "} }";

        ResponseError error = onlyError(document);

        assertThat(error.getMessage()).startsWith("More than 3,000 'grammar' tokens have been presented");
    }
}

package io.funnelql.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.GraphQlSource;

import io.funnelql.api.ServerTest;
import io.funnelql.api.load.LoadService;
import io.funnelql.api.report.CacheControl;

/**
 * The server's GraphQL engine (with {@link PlainDataExecutionStrategy}) and the same engine with graphql-java's
 * own {@link AsyncExecutionStrategy} give the same answers, errors included, to documents that use what the
 * shortcut handles (aliases, named and inline fragments, {@code __typename} at every level, {@code @skip} and
 * {@code @include} with variables, lists of objects, enums, dates, nulls) and what it leaves to graphql-java
 * (fields with controllers behind them, bad input).
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainDataExecutionStrategyTests {

    static final String RANGE = "range: {from: \"2012-03-01\", to: \"2012-05-31\"}, sources: [\"plain-data-a\", \"plain-data-b\"]";

    @Autowired
    GraphQlSource source;

    @Autowired
    ObjectProvider<DataFetcherExceptionResolver> resolvers;

    @Autowired
    LoadService loads;

    GraphQL shortcut;
    GraphQL standard;

    @BeforeAll
    void loadAndBuild() {
        loads.load("contacts", "text/csv", "plain-data.csv", List.of(), new ByteArrayInputStream("""
                contact_id,created_at,source,lead_at,mql_at,customer_at
                pd1,2012-03-02,plain-data-a,2012-03-03,2012-03-10,
                pd2,2012-03-20,plain-data-a,,2012-04-02,2012-05-01
                pd3,2012-04-11,plain-data-b,2012-04-12,,
                pd4,2012-05-30,plain-data-b,,,
                """.getBytes(StandardCharsets.UTF_8)));
        shortcut = source.graphQl();
        standard = shortcut.transform(builder -> builder.queryExecutionStrategy(new AsyncExecutionStrategy(
                DataFetcherExceptionResolver.createExceptionHandler(resolvers.orderedStream().toList()))));
    }

    static List<Object[]> documents() {
        return List.of(
                new Object[] {"funnel rows, steps and totals", """
                        { funnel(input: {%s, grain: MONTH, groupBy: [SOURCE]}) {
                            rows { period { start end label complete } source channel steps { stage count stepRate overallRate } }
                            totals { stage count stepRate overallRate previous change changeRate target attainment }
                            groupTotals { source steps { stage count } } } }""".formatted(RANGE), Map.of()},
                new Object[] {"aliases, fragments, __typename, @skip and @include", """
                        query Shaped($withRates: Boolean!, $noPeriod: Boolean!) {
                          report: funnel(input: {%s, grain: WEEK, cohort: ENTERED, compare: PREVIOUS_PERIOD}) {
                            __typename
                            lines: rows { __typename when: period @skip(if: $noPeriod) { ...Days __typename } ... on FunnelRow { steps { ...Step } } }
                            totals { ...Step n: count again: count @include(if: $withRates) }
                          }
                        }
                        fragment Days on Period { first: start end complete }
                        fragment Step on FunnelStep { stage count ... @include(if: $withRates) { stepRate overallRate changeRate } }""".formatted(RANGE),
                        Map.of("withRates", true, "noPeriod", false)},
                new Object[] {"the same with the other variables", """
                        query Shaped($withRates: Boolean!, $noPeriod: Boolean!) {
                          report: funnel(input: {%s, grain: WEEK, cohort: ENTERED, compare: PREVIOUS_PERIOD}) {
                            lines: rows { when: period @skip(if: $noPeriod) { start } steps { ...Step } }
                          }
                        }
                        fragment Step on FunnelStep { stage ... @include(if: $withRates) { stepRate } }""".formatted(RANGE),
                        Map.of("withRates", false, "noPeriod", true)},
                new Object[] {"a report's own fields beside its rows", """
                        { funnel(input: {%s, grain: QUARTER, timeZone: "America/New_York"}) {
                            timeZone weekStart stages rows { period { label } steps { count } } } }""".formatted(RANGE), Map.of()},
                new Object[] {"measures", """
                        { traffic(input: {%s, grain: MONTH}) { rows { period { label } sessions { value previous target } bounceRate { value } }
                            total { uniqueVisitors { value } } } }""".formatted(RANGE), Map.of()},
                new Object[] {"sources and loads", "{ sources { source channel label mapped contacts } loads { dataset fileName format rows } }", Map.of()},
                new Object[] {"bad input: an error, no data", """
                        { funnel(input: {range: {from: "2012-05-01", to: "2012-04-01"}}) { rows { steps { count } } } }""", Map.of()});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void answersAsGraphqlJavaDoes(String name, String document, Map<String, Object> variables) {
        Map<String, Object> fast = run(shortcut, document, variables);
        Map<String, Object> reference = run(standard, document, variables);

        assertThat(fast).isEqualTo(reference);
        assertThat(fast).as(name).isNotEmpty();
    }

    @Test
    void reportRowsTakeTheShortcutAndReportsWithControllerFieldsDoNot() {
        PlainDataExecutionStrategy strategy = (PlainDataExecutionStrategy) shortcut.getQueryStrategy();
        run(shortcut, "{ funnel(input: {%s}) { rows { period { label } steps { count } } } }".formatted(RANGE), Map.of());

        assertThat(strategy.plainTypeNames()).contains("FunnelRow", "FunnelStep", "Period").doesNotContain("FunnelReport");
    }

    private static Map<String, Object> run(GraphQL graphQl, String document, Map<String, Object> variables) {
        ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput().query(document).variables(variables)
                .graphQLContext(Map.of(CacheControl.REFRESH, true)).build());
        return result.toSpecification();
    }
}

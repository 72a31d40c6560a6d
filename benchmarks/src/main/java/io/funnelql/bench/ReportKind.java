package io.funnelql.bench;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.funnelql.queries.engine.SqlStatement;

/**
 * One kind of report as the harness drives it: the GraphQL document a client sends, and how to compute
 * the same report beside the API, from the SQL the API runs and from a plain scan of the raw rows.
 *
 * <p>Adding a report to the benchmark is one implementation of this (a document, a field, how to read its
 * numbers, its service with and without rollups; for a report of measures, one {@link MetricKind} constant)
 * plus a {@link Workload} line per input in {@link Workloads}. Numbers are doubles (null where a value is
 * undefined): counts compare exactly as doubles, and a double survives JSON unchanged.
 */
interface ReportKind {

    /** The GraphQL document; its one variable is {@code $input}. */
    String document();

    /** The query field the document asks for ({@code funnel}). */
    String field();

    /**
     * The numbers of a report as GraphQL answered it, in document order: what must equal
     * {@link Reference#numbers} of the reference answer.
     */
    List<Double> numbers(JsonNode report);

    /** The reference computations of the report for {@code input} (the GraphQL input as JSON values). */
    Reference reference(Server server, Map<String, Object> input);

    /** The same report computed beside the API, on the server's own warehouse. */
    interface Reference {

        /** The statements the API runs for the report, with their parameters. */
        List<SqlStatement> statements();

        /** The plain-SQL scan of the raw rows that answers the same report, never using rollups. */
        List<SqlStatement> rawStatements();

        /** The report from the service the API calls, as the API computes it (no HTTP, no GraphQL, no cache). */
        Object answer();

        /** The report from the raw scan; it must equal {@link #answer()}. */
        Object rawAnswer();

        /** The numbers of an {@link #answer()} in the order {@link ReportKind#numbers(JsonNode)} reads them. */
        List<Double> numbers(Object answer);
    }
}

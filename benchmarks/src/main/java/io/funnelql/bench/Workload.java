package io.funnelql.bench;

import java.util.Map;
import java.util.Objects;

/**
 * One report request of the benchmark: a name for the tables, the report's kind and its GraphQL input.
 *
 * @param name what the result tables call it
 * @param kind how the report is asked for and checked
 * @param input the GraphQL input as JSON values (dates as {@code "2024-06-01"}, enums as their names)
 */
record Workload(String name, ReportKind kind, Map<String, Object> input) {

    Workload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        input = Map.copyOf(input);
    }

    /** The GraphQL variables of the request. */
    Map<String, Object> variables() {
        return Map.of("input", input);
    }
}

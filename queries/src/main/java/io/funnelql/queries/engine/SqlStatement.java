package io.funnelql.queries.engine;

import java.util.List;
import java.util.Objects;

/**
 * A statement a report runs, with its parameter values in placeholder order: what {@code explain}-style
 * callers (benchmarks, debugging) need to run the same SQL themselves.
 */
public record SqlStatement(String sql, List<Object> parameters) {

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }
}

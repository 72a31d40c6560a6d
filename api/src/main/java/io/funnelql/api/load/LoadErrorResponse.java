package io.funnelql.api.load;

import java.util.List;
import java.util.Objects;

import io.funnelql.warehouse.load.LoadProblem;

/**
 * The answer to a load that failed, or to any bad request of the load endpoints.
 *
 * @param error what went wrong, for a person
 * @param totalProblems how many problems the file has (0 when the request itself was wrong)
 * @param problems the first 100 problems in file order, each with file, line, row, column, value and message
 */
record LoadErrorResponse(String error, long totalProblems, List<LoadProblem> problems) {

    LoadErrorResponse {
        Objects.requireNonNull(error, "error");
        problems = List.copyOf(problems);
    }

    static LoadErrorResponse of(String error) {
        return new LoadErrorResponse(error, 0, List.of());
    }
}

package io.funnelql.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.stereotype.Controller;

import io.funnelql.api.BadInputException;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;
import io.funnelql.warehouse.source.SourceInfo;

/** What a client sees when a GraphQL field fails: an actionable message for bad input, nothing internal otherwise. */
@GraphQlTest(controllers = GraphQlErrorAdviceTests.FailingSources.class)
@Import(GraphQlErrorAdviceTests.FailingSources.class)
class GraphQlErrorAdviceTests {

    @Autowired
    GraphQlTester graphQl;

    @AfterEach
    void reset() {
        FailingSources.failure = new IllegalStateException("not set");
    }

    void assertSingleError(ErrorType type, String message) {
        graphQl.documentName("sources").execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(type);
                    assertThat(error.getMessage()).matches(message);
                    assertThat(error.getPath()).isEqualTo("sources");
                }));
    }

    @Test
    void badInputIsABadRequestWithItsMessage() {
        FailingSources.failure = new BadInputException("Unknown source 'organic'. Known sources: organic_search, email.");

        assertSingleError(ErrorType.BAD_REQUEST, "Unknown source 'organic'\\. Known sources: organic_search, email\\.");
    }

    @Test
    void theQueryLayersBadQueryIsABadRequestWithItsMessage() {
        FailingSources.failure = new BadQueryException("to (2024-05-01) is before from (2024-06-01)");

        assertSingleError(ErrorType.BAD_REQUEST, "to \\(2024-05-01\\) is before from \\(2024-06-01\\)");
    }

    @Test
    void anIllegalArgumentIsABadRequestWithItsMessage() {
        FailingSources.failure = new IllegalArgumentException("grain must be one of DAY, WEEK, MONTH");

        assertSingleError(ErrorType.BAD_REQUEST, "grain must be one of DAY, WEEK, MONTH");
    }

    @Test
    void aFailureInsideDuckDbIsAnInternalErrorWithoutSqlStackTraceOrPath() throws SQLException {
        FailingSources.failure = realDuckDbFailure();

        assertSingleError(ErrorType.INTERNAL_ERROR, "Internal error \\(reference [0-9a-f]{8}\\); the server log has the details\\.");
        graphQl.documentName("sources").execute().errors().satisfy(errors -> assertThat(errors.toString())
                .doesNotContain("no_such_table", "SELECT", "Catalog", "Exception", "at io.funnelql", "/var/lib"));
    }

    /** The exception a warehouse query throws when DuckDB refuses its SQL. */
    static WarehouseException realDuckDbFailure() throws SQLException {
        try (Warehouse warehouse = TestWarehouses.inMemory();
             Connection connection = warehouse.connect();
             Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT count(*) FROM no_such_table");
            throw new IllegalStateException("DuckDB accepted a query over a missing table");
        } catch (SQLException e) {
            return new WarehouseException("Cannot list the sources of warehouse /var/lib/funnelql/acme.duckdb: " + e.getMessage(), e);
        }
    }

    /** Serves {@code sources} by throwing what the test sets. */
    @Controller
    static class FailingSources {

        static volatile RuntimeException failure = new IllegalStateException("not set");

        @QueryMapping
        List<SourceInfo> sources() {
            throw failure;
        }
    }
}

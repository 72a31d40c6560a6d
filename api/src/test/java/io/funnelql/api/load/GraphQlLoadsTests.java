package io.funnelql.api.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.funnelql.api.ServerTest;
import io.funnelql.warehouse.load.LoadResult;

/** GraphQL's {@code loads} over HTTP against the shared test server. */
@ServerTest
class GraphQlLoadsTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    LoadService loads;

    LoadResult loadMetricValues(String fileName, String csv) {
        return loads.load("metric_values", "text/csv", fileName, List.of(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void listsTheLoadsOfOneDatasetNewestFirstWithTheirHistory() {
        long stamp = System.nanoTime();
        LoadResult older = loadMetricValues("webinars.csv", "metric,date,value\nwebinar_attendees,2024-06-03," + stamp + "\n");
        LoadResult newer = loadMetricValues("rankings.csv", "metric,date,value\nkeyword_rank,2024-06-03," + stamp + "\n");

        HttpGraphQlTester.Response response = graphQl.documentName("loads").variable("dataset", "metric_values").execute();

        response.path("loads[0].loadId").entity(Long.class).isEqualTo(newer.loadId())
                .path("loads[0].fileName").entity(String.class).isEqualTo("rankings.csv")
                .path("loads[0].dataset").entity(String.class).isEqualTo("metric_values")
                .path("loads[0].format").entity(String.class).isEqualTo("CSV")
                .path("loads[0].rows").entity(Long.class).isEqualTo(1L)
                .path("loads[0].status").entity(String.class).isEqualTo("COMMITTED")
                .path("loads[0].error").valueIsNull()
                .path("loads[1].loadId").entity(Long.class).isEqualTo(older.loadId());
        response.path("loads[0].sha256").entity(String.class).satisfies(sha -> assertThat(sha).matches("[0-9a-f]{64}"));
        response.path("loads[0].startedAt").entity(String.class)
                .satisfies(time -> assertThat(time).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        response.path("loads[*].dataset").entityList(String.class).satisfies(datasets ->
                assertThat(datasets).containsOnly("metric_values"));
    }

    @Test
    void unknownDatasetIsABadRequestThatNamesTheDatasets() {
        graphQl.documentName("loads").variable("dataset", "leads").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(errors.get(0).getMessage()).isEqualTo("Unknown dataset 'leads'. The datasets are: contacts, "
                            + "sessions, deals, spend, targets, metric_values, source_map.");
                    assertThat(errors.get(0).getPath()).isEqualTo("loads");
                });
    }
}

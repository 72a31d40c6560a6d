package io.funnelql.api.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import io.funnelql.api.report.ReportSliceConfiguration;
import io.funnelql.api.workspace.Workspace;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.Loader;

/**
 * The {@code traffic} query's contract on four hand-built sessions and one contact (the metrics are tested
 * in depth in the query layer): names and shapes, Measure values and comparisons, nulls, and errors.
 */
@GraphQlTest(TrafficController.class)
@Import({TrafficReports.class, ReportSliceConfiguration.class, TrafficControllerTests.FourSessions.class})
class TrafficControllerTests {

    @Autowired
    GraphQlTester graphQl;

    static Map<String, Object> june(Map<String, Object> extra) {
        Map<String, Object> input = new HashMap<>(Map.of("range", Map.of("from", "2024-06-01", "to", "2024-06-30")));
        input.putAll(extra);
        return input;
    }

    @Test
    void answersEveryMetricAsAMeasure() {
        // June: t1 (v1, bounced, 1 page, 10 s), t2 (v1, 3 pages, 90 s), t3 (v2, 2 pages, 50 s); contact c1.
        graphQl.documentName("traffic").variable("input", june(Map.of())).execute()
                .path("traffic.rows").entityList(Object.class).hasSize(1)
                .path("traffic.rows[0].period.label").entity(String.class).isEqualTo("2024-06")
                .path("traffic.rows[0].period.complete").entity(Boolean.class).isEqualTo(true)
                .path("traffic.rows[0].source").valueIsNull()
                .path("traffic.rows[0].sessions.value").entity(Double.class).isEqualTo(3.0)
                .path("traffic.rows[0].sessions.previous").valueIsNull()
                .path("traffic.rows[0].sessions.change").valueIsNull()
                .path("traffic.rows[0].uniqueVisitors.value").entity(Double.class).isEqualTo(2.0)
                .path("traffic.rows[0].newVisitors.value").entity(Double.class).isEqualTo(2.0)
                .path("traffic.rows[0].returningVisitors.value").entity(Double.class).isEqualTo(0.0)
                .path("traffic.rows[0].bounceRate.value").entity(Double.class).isEqualTo(1.0 / 3)
                .path("traffic.rows[0].pageviewsPerSession.value").entity(Double.class).isEqualTo(2.0)
                .path("traffic.rows[0].avgSessionDurationSeconds.value").entity(Double.class).isEqualTo(50.0)
                .path("traffic.rows[0].contactsCreated.value").entity(Double.class).isEqualTo(1.0)
                .path("traffic.rows[0].visitorToContactRate.value").entity(Double.class).isEqualTo(0.5)
                .path("traffic.groupTotals").entityList(Object.class).hasSize(0)
                .path("traffic.total.period.label").entity(String.class).isEqualTo("2024-06 – 2024-06")
                .path("traffic.total.uniqueVisitors.value").entity(Double.class).isEqualTo(2.0)
                .path("traffic.timeZone").entity(String.class).isEqualTo("UTC")
                .path("traffic.weekStart").entity(String.class).isEqualTo("MONDAY")
                .path("traffic.knownAt").valueIsNull();
    }

    @Test
    void weeklyByWeekStartCountsAReturningVisitorOnceInTheTotal() {
        Map<String, Object> input = Map.of("range", Map.of("from", "2024-06-03", "to", "2024-06-16"), "grain", "WEEK");

        // Week of Jun 3: t1 (v1 new). Week of Jun 10: t2 (v1 back), t3 (v2 new). Over both weeks: v1 and v2.
        graphQl.documentName("traffic").variable("input", input).execute()
                .path("traffic.rows[*].period.label").entityList(String.class).containsExactly("2024-06-03", "2024-06-10")
                .path("traffic.rows[*].uniqueVisitors.value").entityList(Double.class).containsExactly(1.0, 2.0)
                .path("traffic.rows[*].returningVisitors.value").entityList(Double.class).containsExactly(0.0, 1.0)
                .path("traffic.total.uniqueVisitors.value").entity(Double.class).isEqualTo(2.0);
    }

    @Test
    void groupsBySourceAndComparesWithThePreviousYear() {
        Map<String, Object> input = june(Map.of("groupBy", List.of("SOURCE"), "compare", "PREVIOUS_YEAR"));

        // organic: t1 t2 by v1, against p1 (June 2023, v0); paid: t3 by v2 and c1, against nothing.
        graphQl.documentName("traffic").variable("input", input).execute()
                .path("traffic.rows[*].source").entityList(String.class).containsExactly("organic_search", "paid_search")
                .path("traffic.rows[*].sessions.value").entityList(Double.class).containsExactly(2.0, 1.0)
                .path("traffic.rows[*].sessions.previous").entityList(Double.class).containsExactly(1.0, 0.0)
                .path("traffic.rows[0].sessions.change").entity(Double.class).isEqualTo(1.0)
                .path("traffic.rows[0].sessions.changeRate").entity(Double.class).isEqualTo(1.0)
                .path("traffic.rows[1].sessions.changeRate").valueIsNull()
                .path("traffic.rows[1].bounceRate.previous").valueIsNull()
                .path("traffic.rows[1].visitorToContactRate.value").entity(Double.class).isEqualTo(1.0)
                .path("traffic.groupTotals[*].source").entityList(String.class).containsExactly("organic_search", "paid_search")
                .path("traffic.groupTotals[*].uniqueVisitors.value").entityList(Double.class).containsExactly(1.0, 1.0)
                .path("traffic.total.sessions.previous").entity(Double.class).isEqualTo(1.0);
    }

    @Test
    void echoesTheAsOfAndTimeZoneItComputedFor() {
        Map<String, Object> input = june(Map.of("asOf", "2024-06-10T12:00:00Z", "timeZone", "Europe/Berlin", "weekStart", "SUNDAY"));

        // By Jun 10 noon: t1 and t2.
        graphQl.documentName("traffic").variable("input", input).execute()
                .path("traffic.asOf").entity(String.class).isEqualTo("2024-06-10T12:00:00.000Z")
                .path("traffic.timeZone").entity(String.class).isEqualTo("Europe/Berlin")
                .path("traffic.weekStart").entity(String.class).isEqualTo("SUNDAY")
                .path("traffic.rows[0].period.complete").entity(Boolean.class).isEqualTo(false)
                .path("traffic.rows[0].sessions.value").entity(Double.class).isEqualTo(2.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "to before from     | {\"range\": {\"from\": \"2024-06-30\", \"to\": \"2024-06-01\"}}                              | ends (2024-06-01) before it starts",
            "unknown time zone  | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"timeZone\": \"Mars/Base\"}     | Unknown time zone 'Mars/Base'",
            "unknown source     | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"sources\": [\"google\"]}       | Unknown source 'google'",
            "unknown channel    | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"channels\": [\"web\"]}         | Unknown channel 'web'",
            "repeated dimension | {\"range\": {\"from\": \"2024-06-01\", \"to\": \"2024-06-30\"}, \"groupBy\": [\"SOURCE\", \"SOURCE\"]} | names a dimension twice",
            "too many periods   | {\"range\": {\"from\": \"1990-01-01\", \"to\": \"2024-06-30\"}, \"grain\": \"DAY\"}              | at most 1000",
    })
    void badInputIsABadRequestThatSaysWhatToChange(String name, String json, String message) throws Exception {
        Map<String, Object> input = new tools.jackson.databind.ObjectMapper().readValue(json, Map.class);

        graphQl.documentName("traffic").variable("input", input).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(errors.get(0).getMessage()).contains(message).doesNotContain("SELECT", "Exception", "at io.");
        });
    }

    /** t1, t2 (v1, organic), t3 (v2, paid) in June 2024, p1 (v0, organic) in June 2023; c1 (paid, June 2024). */
    @TestConfiguration(proxyBeanMethods = false)
    static class FourSessions {

        @Bean
        Workspaces workspaces() throws IOException {
            Warehouse warehouse = TestWarehouses.inMemory();
            load(warehouse, Dataset.SESSIONS, """
                    session_id,started_at,source,visitor_id,pageviews,duration_seconds,bounced
                    t1,2024-06-03 09:00,ORGANIC_SEARCH,v1,1,10,true
                    t2,2024-06-10 09:00,ORGANIC_SEARCH,v1,3,90,false
                    t3,2024-06-11 09:00,PAID_SEARCH,v2,2,50,false
                    p1,2023-06-12 09:00,ORGANIC_SEARCH,v0,2,20,false
                    """);
            load(warehouse, Dataset.CONTACTS, "contact_id,created_at,source\nc1,2024-06-11 09:05,PAID_SEARCH\n");
            return Workspaces.of(new Workspace(Workspaces.DEFAULT, warehouse));
        }

        static void load(Warehouse warehouse, Dataset dataset, String csv) throws IOException {
            Path file = Files.createTempFile("traffic", ".csv");
            Files.writeString(file, csv);
            new Loader(warehouse).load(LoadRequest.of(dataset, file));
            Files.delete(file);
        }
    }
}

package io.funnelql.api.kpi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.funnelql.api.ServerTest;
import io.funnelql.api.load.LoadService;

/**
 * The KPI queries over real HTTP against the running server, on data loaded through the load service. The server is
 * shared with other tests, so the data sits in 2016 under a source of its own and the KPIs filter by it.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiHttpTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    LoadService loads;

    void load(String dataset, String csv) {
        loads.load(dataset, "text/csv", "http-kpi-" + dataset + ".csv", List.of(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    /*
     * March 2016: three MQLs of source http-kpi-test (one of them info@), a target of 4 such MQLs for March, and a
     * webinar series of 30 and 50 attendees.
     */
    @BeforeAll
    void load() {
        load("contacts", """
                contact_id,created_at,source,email,mql_at
                http-kpi-1,2016-03-01,http-kpi-test,info@kpi.example,2016-03-02
                http-kpi-2,2016-03-03,http-kpi-test,ann@kpi.example,2016-03-09
                http-kpi-3,2016-03-10,http-kpi-test,bo@kpi.example,2016-03-16
                """);
        load("targets", "metric,period_start,grain,value,source\nmqls,2016-03-01,MONTH,4,http-kpi-test\n");
        load("metric_values", "metric,date,value\nhttp_kpi_webinar_attendees,2016-03-07,30\nhttp_kpi_webinar_attendees,2016-03-21,50\n");
    }

    @Test
    void savesDefinitionsAndShowsThemOnTheBoard() {
        graphQl.documentName("saveKpiDefinition").variable("input", Map.of("id", "http_kpi_mqls", "name", "Test MQLs",
                        "metric", "mqls", "sources", List.of("http-kpi-test"), "excludeRoleAddresses", true)).execute()
                .path("saveKpiDefinition.definition.version").entity(Integer.class).isEqualTo(1)
                .path("saveKpiDefinition.definition.description").entity(String.class)
                .isEqualTo("mqls, sources http-kpi-test, excluding role addresses");
        graphQl.documentName("saveKpiDefinition").variable("input", Map.of("id", "http_kpi_webinars", "name", "Webinar attendees",
                "metric", "http_kpi_webinar_attendees")).execute()
                .path("saveKpiDefinition.created").entity(Boolean.class).isEqualTo(true);

        // March against February: 2 MQLs without role addresses (of 4 targeted), 80 webinar attendees.
        graphQl.documentName("kpiBoard").variable("input", Map.of("grain", "MONTH", "asOf", "2016-04-02T00:00:00Z",
                        "northStar", "http_kpi_mqls", "kpis", List.of("http_kpi_webinars"))).execute()
                .path("kpiBoard.period.label").entity(String.class).isEqualTo("2016-03")
                .path("kpiBoard.northStar.value").entity(Double.class).isEqualTo(2.0)
                .path("kpiBoard.northStar.target").entity(Double.class).isEqualTo(4.0)
                .path("kpiBoard.northStar.attainment").entity(Double.class).isEqualTo(0.5)
                .path("kpiBoard.kpis[0].value").entity(Double.class).isEqualTo(80.0)
                .path("kpiBoard.kpis[0].previous").entity(Double.class).isEqualTo(0.0)
                .path("kpiBoard.kpis[0].definition.metric").entity(String.class).isEqualTo("http_kpi_webinar_attendees");
    }

    @Test
    void reportsRowsCarryTheirTargets() {
        graphQl.document("""
                        { funnel(input: {range: {from: "2016-03-01", to: "2016-03-31"}, cohort: ENTERED, stages: [MQL],
                                         sources: ["http-kpi-test"]}) { rows { steps { count target attainment } } } }""")
                .execute()
                .path("funnel.rows[0].steps[0].count").entity(Integer.class).isEqualTo(3)
                .path("funnel.rows[0].steps[0].target").entity(Double.class).isEqualTo(4.0)
                .path("funnel.rows[0].steps[0].attainment").entity(Double.class).isEqualTo(0.75);
    }
}

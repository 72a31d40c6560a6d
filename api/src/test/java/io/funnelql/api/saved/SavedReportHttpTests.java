package io.funnelql.api.saved;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.funnelql.api.ServerTest;
import io.funnelql.api.load.LoadService;

/**
 * Saved reports over real HTTP: a saved report gives the same numbers after a load that corrects its data, and
 * the numbers of the corrected data when run as of now. The server is shared with other tests, so the data sits
 * in 2015 under sources of its own, and each test saves under names of its own.
 */
@ServerTest
class SavedReportHttpTests {

    static final String FUNNEL_INPUT = """
            {range: {from: "2015-03-01", to: "2015-04-30"}, grain: MONTH, cohort: CREATED,
             stages: [CREATED, LEAD, MQL, CUSTOMER], sources: ["http-saved-test"]}""";

    static final String RUN = """
            query run($id: ID!, $asOfNow: Boolean) {
              runSavedReport(id: $id, asOfNow: $asOfNow) {
                asOfNow
                report { id kind }
                funnel {
                  rows { period { label } steps { stage count stepRate } }
                  totals { stage count overallRate }
                  asOf knownAt timeZone weekStart
                }
                cost { rows { period { label } spend { value } costPerLead { value } } total { spend { value } } }
                traffic { total { sessions { value } } }
                saved { asOfNow funnel { totals { stage count } } cost { total { spend { value } } } }
                changes { rowType period { label } source channel metric saved now change }
              }
            }""";

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    LoadService loads;

    @LocalServerPort
    int port;

    HttpResponse<String> export(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/export/saved"))
                .header("Content-Type", "application/json").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void load(String dataset, String csv) {
        loads.load(dataset, "text/csv", "http-saved-" + dataset + ".csv", List.of(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    HttpGraphQlTester.Response save(String name, String kind, String input) {
        return graphQl.document("mutation { saveReport(name: \"" + name + "\", kind: " + kind + ", input: " + input
                + ") { id name kind input pinnedInput savedAt knownAt asOf timeZone weekStart } }").execute();
    }

    HttpGraphQlTester.Response run(String id, boolean asOfNow) {
        return graphQl.document(RUN).variable("id", id).variable("asOfNow", asOfNow).execute();
    }

    @Test
    void aSavedFunnelGivesTheSameNumbersAfterACorrectingLoadAndTheNewOnesAsOfNow() {
        load("contacts", """
                contact_id,created_at,source,lead_at,mql_at,customer_at
                sv-1,2015-03-02,http-saved-test,2015-03-02,2015-03-09,
                sv-2,2015-03-03,http-saved-test,2015-03-03,,
                sv-3,2015-04-01,http-saved-test,2015-04-01,2015-04-08,2015-04-20
                """);
        save("Saved funnel, March-April 2015", "FUNNEL", FUNNEL_INPUT).errors().verify()
                .path("saveReport.id").entity(String.class).isEqualTo("saved-funnel-march-april-2015");
        String id = "saved-funnel-march-april-2015";

        // March: sv-1 and sv-2 created and leads, sv-1 an MQL; April: sv-3 all the way to customer.
        HttpGraphQlTester.Response saved = run(id, false);
        saved.path("runSavedReport.funnel.rows[0].steps[*].count").entityList(Integer.class).containsExactly(2, 2, 1, 0);
        saved.path("runSavedReport.funnel.rows[1].steps[*].count").entityList(Integer.class).containsExactly(1, 1, 1, 1);
        saved.path("runSavedReport.funnel.totals[*].count").entityList(Integer.class).containsExactly(3, 3, 2, 1);
        saved.path("runSavedReport.changes").valueIsNull();
        Map<?, ?> asSaved = saved.path("runSavedReport.funnel").entity(Map.class).get();

        // The correction: sv-1 moves to another source, sv-2 turns out to have become an MQL and a customer (its lead
        // date lost), and sv-4 was created in March.
        load("contacts", """
                contact_id,created_at,source,lead_at,mql_at,customer_at
                sv-1,2015-03-02,http-saved-other,2015-03-02,2015-03-09,
                sv-2,2015-03-03,http-saved-test,,2015-03-20,2015-04-02
                sv-4,2015-03-15,http-saved-test,,,
                """);

        // Run again: every number, and asOf and knownAt, exactly as before the correction.
        HttpGraphQlTester.Response again = run(id, false);
        again.path("runSavedReport.funnel").entity(Map.class).isEqualTo(asSaved);

        // As of now: March holds sv-2 and sv-4; sv-2 counts as a lead (cumulatively), an MQL and a customer.
        HttpGraphQlTester.Response now = run(id, true);
        now.path("runSavedReport.asOfNow").entity(Boolean.class).isEqualTo(true);
        now.path("runSavedReport.funnel.rows[0].steps[*].count").entityList(Integer.class).containsExactly(2, 1, 1, 1);
        now.path("runSavedReport.funnel.totals[*].count").entityList(Integer.class).containsExactly(3, 2, 2, 2);
        now.path("runSavedReport.funnel.knownAt").valueIsNull();
        now.path("runSavedReport.saved.funnel.totals[*].count").entityList(Integer.class).containsExactly(3, 3, 2, 1);
        // What changed: March's leads 2 -> 1 and customers 0 -> 1, and the same in the total.
        now.path("runSavedReport.changes[*].rowType").entityList(String.class).containsExactly("period", "period", "total", "total");
        now.path("runSavedReport.changes[*].period.label").entityList(String.class)
                .containsExactly("2015-03", "2015-03", "2015-03 – 2015-04", "2015-03 – 2015-04");
        now.path("runSavedReport.changes[*].metric").entityList(String.class).containsExactly("LEAD", "CUSTOMER", "LEAD", "CUSTOMER");
        now.path("runSavedReport.changes[*].saved").entityList(Double.class).containsExactly(2.0, 0.0, 3.0, 1.0);
        now.path("runSavedReport.changes[*].now").entityList(Double.class).containsExactly(1.0, 1.0, 2.0, 2.0);
        now.path("runSavedReport.changes[*].change").entityList(Double.class).containsExactly(-1.0, 1.0, -1.0, 1.0);
    }

    @Test
    void aSavedCostReportKeepsItsSpendAfterACorrectingSpendLoad() {
        load("contacts", "contact_id,created_at,source,lead_at\nsc-1,2015-06-02,http-saved-cost,2015-06-02\n"
                + "sc-2,2015-06-09,http-saved-cost,2015-06-09\n");
        load("spend", "date,source,amount,campaign\n2015-06-10,http-saved-cost,500,summer\n");
        save("Saved cost, June 2015", "COST",
                "{range: {from: \"2015-06-01\", to: \"2015-06-30\"}, sources: [\"http-saved-cost\"]}").errors().verify();

        // The same day, source and campaign: the amount is corrected to 800.
        load("spend", "date,source,amount,campaign\n2015-06-10,http-saved-cost,800,summer\n");

        // As saved: 500 for 2 leads, 250 a lead. Now: 800, 400 a lead.
        run("saved-cost-june-2015", false).path("runSavedReport.cost.rows[0].spend.value").entity(Double.class).isEqualTo(500.0)
                .path("runSavedReport.cost.rows[0].costPerLead.value").entity(Double.class).isEqualTo(250.0)
                .path("runSavedReport.funnel").valueIsNull();
        HttpGraphQlTester.Response now = run("saved-cost-june-2015", true);
        now.path("runSavedReport.cost.total.spend.value").entity(Double.class).isEqualTo(800.0)
                .path("runSavedReport.saved.cost.total.spend.value").entity(Double.class).isEqualTo(500.0);
        // spend, costPerContact and costPerLead change, in the June row and the total; roi stays -1 (nothing won).
        now.path("runSavedReport.changes[*].metric").entityList(String.class)
                .containsExactly("spend", "costPerContact", "costPerLead", "spend", "costPerContact", "costPerLead");
        now.path("runSavedReport.changes[2].saved").entity(Double.class).isEqualTo(250.0)
                .path("runSavedReport.changes[2].now").entity(Double.class).isEqualTo(400.0);
    }

    @Test
    void exportsASavedReportAsSavedOrAsOfNow() throws Exception {
        load("spend", "date,source,amount,campaign\n2015-08-10,http-saved-export,100,late-summer\n");
        save("Saved export", "COST", "{range: {from: \"2015-08-01\", to: \"2015-08-31\"}, sources: [\"http-saved-export\"]}")
                .errors().verify();
        load("spend", "date,source,amount,campaign\n2015-08-10,http-saved-export,150,late-summer\n");

        HttpResponse<String> saved = export("{\"id\": \"saved-export\"}");
        HttpResponse<String> now = export("{\"id\": \"saved-export\", \"asOfNow\": true}");

        // The cost export's rows: the August row's spend as saved, then as of now.
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("period,2015-08-01,2015-08-31,2015-08,true,,,spend,100.0,");
        assertThat(now.body()).contains("period,2015-08-01,2015-08-31,2015-08,true,,,spend,150.0,");
        assertThat(export("{\"id\": \"saved-nowhere\"}").statusCode()).isEqualTo(404);
        assertThat(export("{\"name\": \"Saved export\"}").body()).contains("takes {\\\"id\\\"");
    }

    @Test
    void aSavedTrafficReportExportsLikeTheTrafficReport() throws Exception {
        load("sessions", "session_id,started_at,source,visitor_id\nhttp-saved-t1,2015-09-01 10:00,http-saved-traffic,sv1\n");
        save("Saved traffic export", "TRAFFIC", "{range: {from: \"2015-09-01\", to: \"2015-09-30\"}, "
                + "sources: [\"http-saved-traffic\"]}").errors().verify();

        HttpResponse<String> saved = export("{\"id\": \"saved-traffic-export\"}");

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("period,2015-09-01,2015-09-30,2015-09,true,,,sessions,1.0,");
    }

    @Test
    void savingFixesKnownAtAsOfTimeZoneAndWeekStart() {
        Instant before = Instant.now();
        HttpGraphQlTester.Response saved = save("Saved traffic, weekly", "TRAFFIC",
                "{range: {from: \"2015-01-01\", to: \"2015-01-31\"}, grain: WEEK, knownAt: \"2099-01-01T00:00:00Z\"}");

        String savedAt = saved.path("saveReport.savedAt").entity(String.class).get();
        assertThat(Instant.parse(savedAt)).isBetween(before, Instant.now());
        // A knownAt after the save would let later loads in: it becomes the save time. No asOf: the save time too.
        saved.path("saveReport.knownAt").entity(String.class).isEqualTo(savedAt)
                .path("saveReport.asOf").entity(String.class).isEqualTo(savedAt)
                .path("saveReport.timeZone").entity(String.class).isEqualTo("UTC")
                .path("saveReport.weekStart").entity(String.class).isEqualTo("MONDAY")
                .path("saveReport.input.grain").entity(String.class).isEqualTo("WEEK")
                .path("saveReport.input.knownAt").entity(String.class).isEqualTo("2099-01-01T00:00:00Z")
                .path("saveReport.pinnedInput.timeZone").entity(String.class).isEqualTo("UTC")
                .path("saveReport.pinnedInput.weekStart").entity(String.class).isEqualTo("MONDAY");
        assertThat(Instant.parse(saved.path("saveReport.pinnedInput.knownAt").entity(String.class).get()))
                .isEqualTo(Instant.parse(savedAt));

        // An earlier knownAt and an asOf of its own are kept.
        save("Saved traffic, as known in 2016", "TRAFFIC", "{range: {from: \"2015-01-01\", to: \"2015-01-31\"}, "
                + "knownAt: \"2016-01-01T00:00:00Z\", asOf: \"2015-12-31T00:00:00Z\", timeZone: \"Europe/Berlin\", weekStart: SUNDAY}")
                .path("saveReport.knownAt").entity(String.class).isEqualTo("2016-01-01T00:00:00.000Z")
                .path("saveReport.asOf").entity(String.class).isEqualTo("2015-12-31T00:00:00.000Z")
                .path("saveReport.timeZone").entity(String.class).isEqualTo("Europe/Berlin")
                .path("saveReport.weekStart").entity(String.class).isEqualTo("SUNDAY");

        graphQl.document("{ savedReports { id kind } }").execute().path("savedReports[*].id").entityList(String.class)
                .contains("saved-traffic-weekly", "saved-traffic-as-known-in-2016");
        run("saved-traffic-weekly", false).path("runSavedReport.traffic.total.sessions.value").entity(Double.class).isEqualTo(0.0);
    }

    @Test
    void refusesInputItsReportWouldNotAnswerAndSavesNothing() {
        assertBadRequest(save("Saved bad 1", "FUNNEL", "{range: {from: \"2015-01-01\", to: \"2015-01-31\"}, grian: WEEK}"),
                "Unknown field 'grian' in a FUNNEL input; its fields are: range, grain, cohort, stages, groupBy, sources, "
                        + "channels, cumulative, withinDays, asOf, knownAt, compare, weekStart, timeZone");
        assertBadRequest(save("Saved bad 2", "FUNNEL", "{range: {from: \"2015-01-01\", till: \"2015-01-31\"}}"),
                "Unknown field 'range.till' in a FUNNEL input; its fields are: from, to");
        assertBadRequest(save("Saved bad 3", "COST", "{range: {from: \"2015-01-01\", to: \"2015-01-31\"}, grain: FORTNIGHT}"),
                "Cannot read 'grain' of the saved report's input: expected one of ");
        assertBadRequest(save("Saved bad 4", "VELOCITY", "{range: {from: \"2015-01-01\", to: \"2015-01-31\"}}"),
                "The velocity report needs a fromStage and a toStage, such as MQL and SQL");
        assertBadRequest(save("Saved bad 5", "REVENUE", "{range: {from: \"2015-01-01\", to: \"2015-01-31\"}, sources: [\"nowhere-xyz\"]}"),
                "Unknown source 'nowhere-xyz'");
        assertBadRequest(save("  ", "FUNNEL", "{range: {from: \"2015-01-01\", to: \"2015-01-31\"}}"), "A saved report needs a name");
        assertBadRequest(save("Saved bad 6", "TRAFFIC", "[1, 2]"), "A saved report's input is a JSON object: the traffic report's input");

        graphQl.document("{ savedReports { id } }").execute().path("savedReports[*].id").entityList(String.class)
                .doesNotContain("saved-bad-1", "saved-bad-2", "saved-bad-3", "saved-bad-4", "saved-bad-5");
    }

    @Test
    void aTakenNameIsRefusedAndAnUnknownIdIsNotFound() {
        String input = "{range: {from: \"2015-01-01\", to: \"2015-01-31\"}}";
        save("Saved twice", "FUNNEL", input).errors().verify();

        assertBadRequest(save("SAVED  twice!", "COST", input), "A saved report 'Saved twice' (id saved-twice) exists; "
                + "save this one under another name, or delete that one first");
        run("saved-nowhere", false).errors().expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
                && error.getMessage().startsWith("No saved report has id 'saved-nowhere'")).verify();

        graphQl.document("mutation { deleteSavedReport(id: \"saved-twice\") { id kind } }").execute()
                .path("deleteSavedReport.kind").entity(String.class).isEqualTo("FUNNEL");
        run("saved-twice", false).errors().expect(error -> error.getErrorType() == ErrorType.NOT_FOUND).verify();
        save("Saved twice", "COST", input).errors().verify().path("saveReport.kind").entity(String.class).isEqualTo("COST");
    }

    static void assertBadRequest(HttpGraphQlTester.Response response, String message) {
        response.errors().expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage() != null
                && error.getMessage().startsWith(message)).verify();
    }
}

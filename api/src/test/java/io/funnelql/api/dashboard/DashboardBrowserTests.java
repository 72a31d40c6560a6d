package io.funnelql.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.funnelql.api.DemoServerTest;

/**
 * The dashboard in headless Chromium against the server with demo data: every tile loads, its table and charts
 * show exactly what the GraphQL API answers for the same view (asked here with queries of the test's own), a
 * control change redraws them and the URL, a shared URL restores its view, bad input and empty ranges show their
 * states, and the browser logs no error. Skipped where Chromium is not installed ({@link Chromium}).
 *
 * <p>The test also saves a picture of the default view as {@code target/dashboard.png}, the source of
 * {@code docs/dashboard.png}.
 */
@DemoServerTest
class DashboardBrowserTests {

    static final Path SCREENSHOT = Path.of("target", "dashboard.png");

    /** The numbers per period that the tracker and the trends show, asked independently of the page. */
    static final String PER_PERIOD = """
            query PerPeriod($range: DateRange!, $grain: Grain!, $cohort: CohortMode!, $sources: [String!], $compare: Compare!,
                            $asOf: DateTime) {
              funnel(input: {range: $range, grain: $grain, cohort: $cohort, sources: $sources, compare: $compare, asOf: $asOf,
                             stages: [CREATED, LEAD, MQL, SQL, OPPORTUNITY, CUSTOMER]}) {
                rows { period { start } steps { count previous } }
                totals { count previous }
              }
              traffic(input: {range: $range, grain: $grain, sources: $sources, asOf: $asOf}) {
                rows { sessions { value } }
                total { sessions { value } }
              }
              revenue(input: {range: $range, grain: $grain, sources: $sources, asOf: $asOf}) { rows { wonRevenue { value } } }
              cost(input: {range: $range, grain: $grain, sources: $sources, asOf: $asOf}) { rows { cac { value } } }
            }
            """;

    /** The whole range by source, which the funnel chart and the bar charts show. */
    static final String BY_SOURCE = """
            query BySource($range: DateRange!, $grain: Grain!, $cohort: CohortMode!, $sources: [String!], $asOf: DateTime) {
              funnel(input: {range: $range, grain: $grain, cohort: $cohort, sources: $sources, groupBy: [SOURCE], asOf: $asOf,
                             stages: [CREATED, LEAD, MQL, SQL, OPPORTUNITY, CUSTOMER]}) {
                groupTotals { source steps { count } }
              }
              traffic(input: {range: $range, grain: $grain, sources: $sources, groupBy: [SOURCE], asOf: $asOf}) {
                groupTotals { source sessions { value } }
              }
              sources { source label }
            }
            """;

    static ChromeDriver browser;

    @Autowired
    HttpGraphQlTester graphQl;

    @LocalServerPort
    int port;

    DashboardPage page;

    /** Skips each test (each reported with the reason) unless Chromium is installed; fails them on CI. */
    @BeforeEach
    void startBrowser() {
        Chromium.assumeInstalled();
        if (browser == null) {
            browser = Chromium.start();
        }
        page = new DashboardPage(browser, port);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void theBrowserLoggedNoError() {
        if (page != null) {
            assertThat(page.consoleErrors()).as("console errors").isEmpty();
        }
    }

    @Test
    void showsTheDemoDataAsTheApiAnswersIt() {
        page.open("");

        assertThat(DashboardPage.TILES).allSatisfy(tile -> assertThat(page.state(tile)).as(tile).isEqualTo("ready"));
        Map<String, String> url = page.urlParameters();
        assertThat(url).containsEntry("grain", "WEEK").containsEntry("cohort", "CREATED").containsEntry("compare", "NONE");
        // The default range: the last 13 weeks, up to today (where the demo data ends).
        assertThat(LocalDate.parse(url.get("to"))).isEqualTo(LocalDate.parse(url.get("from")).plusDays(84));
        assertThat(page.trackerPeriods()).hasSize(13);
        assertShowsWhatTheApiAnswers(url.get("from"), url.get("to"), "WEEK", "CREATED", List.of());
        assertThat(page.chartDrawn("funnel")).isTrue();
        assertThat(page.chartDrawn("yoy")).isTrue();

        page.screenshot(SCREENSHOT);
    }

    @Test
    void aControlChangeRedrawsTheTilesAndTheUrl() {
        page.open("");
        String from = page.urlParameters().get("from");
        String to = page.urlParameters().get("to");

        page.select("grain", "MONTH");
        awaitUrl("grain", "MONTH");
        page.awaitLoaded();
        // 85 days touch three or four months.
        assertThat(page.trackerPeriods()).hasSizeBetween(3, 4).allSatisfy(start -> assertThat(start).endsWith("-01"));
        assertShowsWhatTheApiAnswers(from, to, "MONTH", "CREATED", List.of());

        page.click(By.cssSelector("input[name='cohort'][value='ENTERED']"));
        awaitUrl("cohort", "ENTERED");
        page.awaitLoaded();
        assertThat(browser.findElement(By.id("cohort-hint")).getText()).startsWith("Entered: each period counts");
        assertShowsWhatTheApiAnswers(from, to, "MONTH", "ENTERED", List.of());

        browser.navigate().back();
        awaitUrl("cohort", "CREATED");
        page.awaitLoaded();
        assertThat(page.checked(By.cssSelector("input[name='cohort'][value='CREATED']"))).isTrue();
        assertShowsWhatTheApiAnswers(from, to, "MONTH", "CREATED", List.of());
    }

    @Test
    void aSourcePickedAndAWeekStartReachEveryTile() {
        page.open("");
        String from = page.urlParameters().get("from");
        String to = page.urlParameters().get("to");

        page.click(By.cssSelector("#source-picker summary"));
        page.click(By.cssSelector("#source-picker input[value='paid_search']"));
        awaitUrl("sources", "paid_search");
        page.awaitLoaded();
        assertThat(browser.findElement(By.cssSelector("#source-picker .picked")).getText()).isEqualTo("Paid search");
        assertShowsWhatTheApiAnswers(from, to, "WEEK", "CREATED", List.of("paid_search"));
        assertThat(page.chartCategories("mqls-by-source", "yAxis")).containsExactly("Paid search");

        page.select("weekStart", "SUNDAY");
        awaitUrl("weekStart", "SUNDAY");
        page.awaitLoaded();
        // The same 85 days touch 13 weeks starting on Sundays.
        assertThat(page.trackerPeriods()).hasSize(13)
                .allSatisfy(start -> assertThat(LocalDate.parse(start).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY));
    }

    @Test
    void restoresASharedViewFromItsUrl() {
        LocalDate lastMonth = LocalDate.now().withDayOfMonth(1).minusMonths(1);
        String from = lastMonth.minusMonths(5).toString();
        String to = lastMonth.plusMonths(1).minusDays(1).toString();

        page.open("?from=" + from + "&to=" + to + "&grain=MONTH&cohort=ENTERED&sources=paid_search,organic_search"
                + "&compare=PREVIOUS_YEAR&funnelSource=paid_search");

        assertThat(page.selected("grain")).isEqualTo("MONTH");
        assertThat(page.selected("compare")).isEqualTo("PREVIOUS_YEAR");
        assertThat(page.selected("funnelSource")).isEqualTo("paid_search");
        assertThat(page.checked(By.cssSelector("input[name='cohort'][value='ENTERED']"))).isTrue();
        assertThat(page.checked(By.cssSelector("#source-picker input[value='paid_search']"))).isTrue();
        assertThat(page.checked(By.cssSelector("#source-picker input[value='email']"))).isFalse();
        assertThat(page.trackerPeriods()).hasSize(6);
        assertShowsWhatTheApiAnswers(from, to, "MONTH", "ENTERED", List.of("paid_search", "organic_search"));

        // The funnel chart shows paid search alone; with the comparison, the tracker's MQLs carry last year's.
        Map<String, Object> variables = variables(from, to, "MONTH", "ENTERED", List.of("paid_search"));
        variables.put("compare", "PREVIOUS_YEAR");
        GraphQlTester.Response paidSearch = graphQl.document(PER_PERIOD).variables(variables).execute();
        assertThat(page.chartSeries("funnel").get(0)).map(DashboardBrowserTests::number)
                .containsExactlyElementsOf(paidSearch.path("funnel.totals[*].count").entityList(Double.class).get());
        variables.put("sources", List.of("paid_search", "organic_search"));
        GraphQlTester.Response both = graphQl.document(PER_PERIOD).variables(variables).execute();
        assertThat(page.yearOverYear("mqls", "previous"))
                .isEqualTo(both.path("funnel.totals[2].previous").entity(Double.class).get());
        assertThat(browser.findElements(By.cssSelector("#tracker tbody td[data-column='mqls'] .change"))).hasSize(6);
    }

    @Test
    void badInputShowsTheServersMessageInEveryTile() {
        page.open("?from=2026-03-01&to=2026-02-01&grain=WEEK&cohort=CREATED&compare=NONE");

        List<String> messages = new ArrayList<>();
        graphQl.document(PER_PERIOD).variables(variables("2026-03-01", "2026-02-01", "WEEK", "CREATED", List.of()))
                .variable("compare", "NONE").execute()
                .errors().satisfy(errors -> errors.forEach(error -> messages.add(error.getMessage())));
        assertThat(messages).isNotEmpty().allSatisfy(message -> assertThat(message).contains("2026-02-01"));
        assertThat(DashboardPage.TILES).allSatisfy(tile -> {
            assertThat(page.state(tile)).as(tile).isEqualTo("error");
            assertThat(page.status(tile)).as(tile).contains(messages.get(0));
        });
    }

    @Test
    void aRangeWithoutDataShowsEmptyTiles() {
        page.open("?from=2010-01-04&to=2010-03-28&grain=WEEK&cohort=CREATED&compare=NONE");

        assertThat(DashboardPage.TILES).allSatisfy(tile -> {
            assertThat(page.state(tile)).as(tile).isEqualTo("empty");
            assertThat(page.status(tile)).as(tile).startsWith("Nothing happened in this range");
        });
    }

    /** Compares the tracker, every chart and the year-over-year table with the API's answers for the same view. */
    private void assertShowsWhatTheApiAnswers(String from, String to, String grain, String cohort, List<String> sources) {
        Map<String, Object> variables = variables(from, to, grain, cohort, sources);
        variables.put("compare", "PREVIOUS_YEAR");
        GraphQlTester.Response periods = graphQl.document(PER_PERIOD).variables(variables).execute();
        assertThat(page.trackerPeriods()).containsExactlyElementsOf(periods.path("funnel.rows[*].period.start").entityList(String.class).get());
        String[] columns = {"contacts", "leads", "mqls", "sqls", "opportunities", "customers"};
        for (int stage = 0; stage < columns.length; stage++) {
            assertThat(page.trackerColumn(columns[stage])).as(columns[stage])
                    .containsExactlyElementsOf(periods.path("funnel.rows[*].steps[" + stage + "].count").entityList(Double.class).get());
            assertThat(page.trackerTotal(columns[stage])).as(columns[stage] + " total")
                    .isEqualTo(periods.path("funnel.totals[" + stage + "].count").entity(Double.class).get());
        }
        List<Double> sessions = periods.path("traffic.rows[*].sessions.value").entityList(Double.class).get();
        List<Double> wonRevenue = values(periods, "revenue.rows[*].wonRevenue.value");
        List<Double> cac = values(periods, "cost.rows[*].cac.value");
        assertThat(page.trackerColumn("sessions")).containsExactlyElementsOf(sessions);
        assertThat(page.trackerColumn("wonRevenue")).containsExactlyElementsOf(wonRevenue);
        assertThat(page.trackerColumn("cac")).containsExactlyElementsOf(cac);
        assertThat(page.chartSeries("trends").get(0)).map(DashboardBrowserTests::number).containsExactlyElementsOf(wonRevenue);
        assertThat(page.chartSeries("trends").get(1)).map(DashboardBrowserTests::number).containsExactlyElementsOf(cac);

        // Year over year: the range's MQLs and sessions against a year earlier, per period and in all.
        assertThat(page.yearOverYear("mqls", "value")).isEqualTo(periods.path("funnel.totals[2].count").entity(Double.class).get());
        assertThat(page.yearOverYear("mqls", "previous")).isEqualTo(periods.path("funnel.totals[2].previous").entity(Double.class).get());
        assertThat(page.yearOverYear("sessions", "value")).isEqualTo(periods.path("traffic.total.sessions.value").entity(Double.class).get());
        assertThat(page.chartSeries("yoy").get(0)).map(DashboardBrowserTests::number)
                .containsExactlyElementsOf(periods.path("funnel.rows[*].steps[2].count").entityList(Double.class).get());
        assertThat(page.chartSeries("yoy").get(1)).map(DashboardBrowserTests::number)
                .containsExactlyElementsOf(periods.path("funnel.rows[*].steps[2].previous").entityList(Double.class).get());

        variables.remove("compare");
        GraphQlTester.Response bySource = graphQl.document(BY_SOURCE).variables(variables).execute();
        Map<String, String> labels = new HashMap<>();
        List<String> ids = bySource.path("sources[*].source").entityList(String.class).get();
        List<String> names = bySource.path("sources[*].label").entityList(String.class).get();
        for (int i = 0; i < ids.size(); i++) {
            labels.put(ids.get(i), names.get(i));
        }
        assertBars("mqls-by-source", bySource, "funnel.groupTotals", "steps[2].count", labels);
        assertBars("sessions-by-source", bySource, "traffic.groupTotals", "sessions.value", labels);
        if (sources.isEmpty()) {
            // All sources: the funnel chart shows the totals, which are the sums of the groups' counts.
            List<Double> totals = periods.path("funnel.totals[*].count").entityList(Double.class).get();
            assertThat(page.chartSeries("funnel").get(0)).map(DashboardBrowserTests::number).containsExactlyElementsOf(totals);
        }
    }

    /** A bar chart shows each group with a value above 0, largest first (drawn bottom up, so reversed). */
    private void assertBars(String tile, GraphQlTester.Response answer, String groups, String value, Map<String, String> labels) {
        List<String> sources = answer.path(groups + "[*].source").entityList(String.class).get();
        List<Double> values = answer.path(groups + "[*]." + value).entityList(Double.class).get();
        List<Map.Entry<String, Double>> bars = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (values.get(i) > 0) {
                bars.add(Map.entry(sources.get(i), values.get(i)));
            }
        }
        bars.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        List<Object> drawn = new ArrayList<>(page.chartSeries(tile).get(0));
        List<String> categories = new ArrayList<>(page.chartCategories(tile, "yAxis"));
        Collections.reverse(drawn);
        Collections.reverse(categories);
        assertThat(drawn).as(tile).map(DashboardBrowserTests::number).containsExactlyElementsOf(bars.stream().map(Map.Entry::getValue).toList());
        assertThat(categories).as(tile).containsExactlyElementsOf(bars.stream().map(bar -> labels.getOrDefault(bar.getKey(), bar.getKey())).toList());
    }

    private void awaitUrl(String parameter, String value) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> value.equals(page.urlParameters().get(parameter)));
    }

    /**
     * The variables of a view, as of the instant the page's numbers count up to: the demo data runs to the end of
     * today, so later questions would count the sessions and contacts dated meanwhile.
     */
    private Map<String, Object> variables(String from, String to, String grain, String cohort, List<String> sources) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("asOf", page.asOf());
        variables.put("range", Map.of("from", from, "to", to));
        variables.put("grain", grain);
        variables.put("cohort", cohort);
        if (!sources.isEmpty()) {
            variables.put("sources", sources);
        }
        return variables;
    }

    /** Values that may be null (a cost without customers): JSON paths over them keep the nulls. */
    @SuppressWarnings("unchecked")
    private static List<Double> values(GraphQlTester.Response answer, String path) {
        List<Object> raw = answer.path(path).entity(List.class).get();
        return raw.stream().map(DashboardBrowserTests::number).toList();
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}

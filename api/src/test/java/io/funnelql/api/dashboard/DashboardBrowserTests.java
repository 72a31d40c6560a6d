package io.funnelql.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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

    static ChromeDriver browser;

    @Autowired
    HttpGraphQlTester graphQl;

    @LocalServerPort
    int port;

    DashboardPage page;

    ApiComparison api;

    /** Skips each test (each reported with the reason) unless Chromium is installed; fails them on CI. */
    @BeforeEach
    void startBrowser() {
        Chromium.assumeInstalled();
        if (browser == null) {
            browser = Chromium.start();
        }
        page = new DashboardPage(browser, port);
        api = new ApiComparison(graphQl, page);
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
        api.assertPageShowsWhatItAnswers(url.get("from"), url.get("to"), "WEEK", "CREATED", List.of());
        assertThat(page.chartDrawn("funnel")).isTrue();
        assertThat(page.chartDrawn("yoy")).isTrue();

        page.screenshot(SCREENSHOT);
    }

    @Test
    void theKpiBoardShowsTheLastCompleteWeekAsTheApiAnswersIt() {
        page.open("");

        assertThat(page.state("kpi-board")).isEqualTo("ready");
        ZonedDateTime week = api.assertBoardShowsWhatItAnswers(null);
        // The last week complete at the page's instant: it ended at or before that instant, less than a week before.
        Instant asOf = Instant.parse(page.asOf());
        assertThat(week.plusDays(7).toInstant()).isAfter(asOf.minus(Duration.ofDays(7))).isBeforeOrEqualTo(asOf);
        assertThat(week.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(page.boardKpis()).startsWith("customers");

        // The page's week start reaches the board, and the range and filters do not.
        page.select("weekStart", "SUNDAY");
        awaitUrl("weekStart", "SUNDAY");
        page.awaitLoaded();
        assertThat(api.assertBoardShowsWhatItAnswers("SUNDAY").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        page.select("grain", "MONTH");
        awaitUrl("grain", "MONTH");
        page.awaitLoaded();
        assertThat(api.assertBoardShowsWhatItAnswers("SUNDAY").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
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
        api.assertPageShowsWhatItAnswers(from, to, "MONTH", "CREATED", List.of());

        page.click(By.cssSelector("input[name='cohort'][value='ENTERED']"));
        awaitUrl("cohort", "ENTERED");
        page.awaitLoaded();
        assertThat(browser.findElement(By.id("cohort-hint")).getText()).startsWith("Entered: each period counts");
        api.assertPageShowsWhatItAnswers(from, to, "MONTH", "ENTERED", List.of());

        browser.navigate().back();
        awaitUrl("cohort", "CREATED");
        page.awaitLoaded();
        assertThat(page.checked(By.cssSelector("input[name='cohort'][value='CREATED']"))).isTrue();
        api.assertPageShowsWhatItAnswers(from, to, "MONTH", "CREATED", List.of());
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
        api.assertPageShowsWhatItAnswers(from, to, "WEEK", "CREATED", List.of("paid_search"));
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
        api.assertPageShowsWhatItAnswers(from, to, "MONTH", "ENTERED", List.of("paid_search", "organic_search"));

        // The funnel chart shows paid search alone; with the comparison, the tracker's MQLs carry last year's.
        Map<String, Object> variables = api.variables(from, to, "MONTH", "ENTERED", List.of("paid_search"));
        variables.put("compare", "PREVIOUS_YEAR");
        GraphQlTester.Response paidSearch = graphQl.document(ApiComparison.PER_PERIOD).variables(variables).execute();
        assertThat(page.chartSeries("funnel").get(0)).map(ApiComparison::number)
                .containsExactlyElementsOf(paidSearch.path("funnel.totals[*].count").entityList(Double.class).get());
        variables.put("sources", List.of("paid_search", "organic_search"));
        GraphQlTester.Response both = graphQl.document(ApiComparison.PER_PERIOD).variables(variables).execute();
        assertThat(page.yearOverYear("mqls", "previous"))
                .isEqualTo(both.path("funnel.totals[2].previous").entity(Double.class).get());
        assertThat(browser.findElements(By.cssSelector("#tracker tbody td[data-column='mqls'] .change"))).hasSize(6);
    }

    @Test
    void badInputShowsTheServersMessageInEveryTile() {
        page.open("?from=2026-03-01&to=2026-02-01&grain=WEEK&cohort=CREATED&compare=NONE");

        List<String> messages = new ArrayList<>();
        graphQl.document(ApiComparison.PER_PERIOD).variables(api.variables("2026-03-01", "2026-02-01", "WEEK", "CREATED", List.of()))
                .variable("compare", "NONE").execute()
                .errors().satisfy(errors -> errors.forEach(error -> messages.add(error.getMessage())));
        assertThat(messages).isNotEmpty().allSatisfy(message -> assertThat(message).contains("2026-02-01"));
        assertThat(DashboardPage.RANGE_TILES).allSatisfy(tile -> {
            assertThat(page.state(tile)).as(tile).isEqualTo("error");
            assertThat(page.status(tile)).as(tile).contains(messages.get(0));
        });
        // The KPI board takes no range: it still shows its week.
        assertThat(page.state("kpi-board")).isEqualTo("ready");
    }

    @Test
    void aRangeWithoutDataShowsEmptyTiles() {
        page.open("?from=2010-01-04&to=2010-03-28&grain=WEEK&cohort=CREATED&compare=NONE");

        assertThat(DashboardPage.RANGE_TILES).allSatisfy(tile -> {
            assertThat(page.state(tile)).as(tile).isEqualTo("empty");
            assertThat(page.status(tile)).as(tile).startsWith("Nothing happened in this range");
        });
        assertThat(page.state("kpi-board")).isEqualTo("ready");
    }

    private void awaitUrl(String parameter, String value) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> value.equals(page.urlParameters().get(parameter)));
    }
}

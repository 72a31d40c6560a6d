package io.funnelql.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.funnelql.api.load.LoadService;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;
import io.funnelql.warehouse.access.ApiKeys;
import io.funnelql.warehouse.access.KeyRole;

/**
 * The dashboard in headless Chromium against a server with API keys on, over a small warehouse whose numbers can
 * be checked by hand: without a key every tile says one is needed; with a read key entered in the page, the
 * tracker shows the fixture's two weeks. Skipped where Chromium is not installed ({@link Chromium}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DashboardWithKeysBrowserTests {

    static String readKey;

    @DynamicPropertySource
    static void warehouseWithAKey(DynamicPropertyRegistry registry) throws IOException {
        Path file = Files.createTempDirectory("funnelql-dashboard-keys").resolve("acme.duckdb");
        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults())) {
            readKey = new ApiKeys(warehouse).create(Workspaces.DEFAULT, KeyRole.READ, "dashboard").secret();
        }
        registry.add("funnelql.database", file::toString);
        registry.add("funnelql.security.enabled", () -> "true");
        registry.add("server.address", () -> "127.0.0.1");
    }

    /** The view of the fixture: its two weeks, Monday 2025-03-03 and Monday 2025-03-10. */
    static final String VIEW = "?from=2025-03-03&to=2025-03-16&grain=WEEK&cohort=CREATED&compare=NONE";

    static ChromeDriver browser;

    @Autowired
    LoadService loads;

    @LocalServerPort
    int port;

    DashboardPage page;

    @BeforeEach
    void startBrowserAndLoadTheFixture() {
        Chromium.assumeInstalled();
        if (browser == null) {
            browser = Chromium.start();
        }
        page = new DashboardPage(browser, port);
        // Loading the same files again is a no-op, so each test may load them.
        load("contacts", """
                contact_id,created_at,source,lead_at,mql_at,customer_at
                k1,2025-03-03 10:00,organic_search,2025-03-03 10:00,2025-03-05 10:00,2025-03-12 10:00
                k2,2025-03-04 10:00,paid_search,2025-03-04 10:00,2025-03-11 10:00,
                k3,2025-03-11 10:00,paid_search,2025-03-11 10:00,,
                """);
        load("sessions", """
                session_id,started_at,source
                s1,2025-03-03 09:00,organic_search
                s2,2025-03-04 09:00,paid_search
                s3,2025-03-11 09:00,paid_search
                """);
        load("deals", """
                deal_id,amount,closed_at,contact_id
                d1,1200,2025-03-12 10:00,k1
                """);
        load("targets", """
                metric,period_start,grain,value
                contacts,2025-03-03,WEEK,2
                contacts,2025-03-10,WEEK,1.1
                cost_per_lead,2025-03-03,WEEK,100
                cost_per_lead,2025-03-10,WEEK,250
                """);
        load("spend", """
                date,source,amount
                2025-03-03,paid_search,300
                2025-03-10,paid_search,200
                """);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void withoutAKeyTheTilesSayOneIsNeededAndWithOneTheyShowTheData() {
        browser.get("http://127.0.0.1:" + port + "/" + VIEW);
        page.awaitLoaded();

        assertThat(DashboardPage.TILES).allSatisfy(tile -> {
            assertThat(page.state(tile)).as(tile).isEqualTo("error");
            assertThat(page.status(tile)).as(tile).isEqualTo("This request needs an API key: send the header Authorization: Bearer <key>.");
        });
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Enter an API key with role read");
        // The browser itself reports each refused request (401) in its console; the page logs nothing else.
        assertThat(page.consoleErrors()).isNotEmpty().allSatisfy(error -> assertThat(error).contains("status of 401"));

        browser.findElement(By.id("api-key")).sendKeys(readKey);
        browser.findElement(By.cssSelector("#key-form button[type='submit']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> "ready".equals(page.state("tracker")));
        page.awaitLoaded();

        assertThat(page.trackerPeriods()).containsExactly("2025-03-03", "2025-03-10");
        // Week 1: k1 and k2 created, both leads and (by week 2) MQLs; k1 a customer; sessions s1, s2; 300 spent
        // over the 2 leads that entered that week (150 each); no customer entered that week, so no CAC.
        // Week 2: k3 created, a lead, no MQL yet; s3; d1 won (1,200); 200 spent over 1 lead and 1 customer (k1).
        assertThat(page.trackerColumn("contacts")).containsExactly(2.0, 1.0);
        assertThat(page.trackerColumn("leads")).containsExactly(2.0, 1.0);
        assertThat(page.trackerColumn("mqls")).containsExactly(2.0, 0.0);
        assertThat(page.trackerColumn("customers")).containsExactly(1.0, 0.0);
        assertThat(page.trackerColumn("sessions")).containsExactly(2.0, 1.0);
        assertThat(page.trackerColumn("wonRevenue")).containsExactly(0.0, 1200.0);
        assertThat(page.trackerColumn("costPerLead")).containsExactly(150.0, 200.0);
        assertThat(page.trackerColumn("cac")).containsExactly(null, 200.0);
        assertThat(page.trackerTotal("cac")).isEqualTo(500.0);
        // Targets like an OKR bowling chart: contacts 2 of 2 (on track), 1 of 1.1 (91%, at risk); cost per lead
        // 150 against 100 (over: off track), 200 against 250 (under: on track). Over both weeks: 3 contacts of
        // 3.1, and a cost per lead target weighted by days, (100 x 7 + 250 x 7) / 14 = 175.
        assertThat(page.trackerColumn("contactsTarget")).containsExactly(2.0, 1.1);
        assertThat(page.trackerColours("contacts")).containsExactly("on-track", "at-risk");
        assertThat(page.trackerColumn("costPerLeadTarget")).containsExactly(100.0, 250.0);
        assertThat(page.trackerColours("costPerLead")).containsExactly("off-track", "on-track");
        assertThat(page.trackerTotal("contactsTarget")).isCloseTo(3.1, within(1e-9));
        assertThat(page.trackerTotal("costPerLeadTarget")).isEqualTo(175.0);
        assertThat(page.trackerColumn("mqlsTarget")).as("no MQL targets loaded").isEmpty();
        // The funnel of both weeks: 3 contacts and leads, 2 MQLs, k1 through to customer.
        assertThat(page.chartSeries("funnel").get(0)).containsExactly(3L, 3L, 2L, 1L, 1L, 1L);
        assertThat(page.state("sessions-by-source")).isEqualTo("ready");
        // The key stays in the tab, never in the URL.
        assertThat(browser.getCurrentUrl()).doesNotContain(readKey);
        assertThat(page.sessionStorage("funnelql.apiKey")).isEqualTo(readKey);
        assertThat(page.consoleErrors()).isEmpty();

        page.click(By.cssSelector("input[name='cohort'][value='ENTERED']"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> "ENTERED".equals(page.urlParameters().get("cohort")));
        page.awaitLoaded();
        // Entries by week: k1 became an MQL in week 1, k2 in week 2; k1 a customer in week 2.
        assertThat(page.trackerColumn("mqls")).containsExactly(1.0, 1.0);
        assertThat(page.trackerColumn("customers")).containsExactly(0.0, 1.0);
        assertThat(page.consoleErrors()).isEmpty();

        browser.findElement(By.id("forget-key")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> "error".equals(page.state("tracker")));
        assertThat(page.sessionStorage("funnelql.apiKey")).isNull();
        assertThat(page.consoleErrors()).allSatisfy(error -> assertThat(error).contains("status of 401"));
    }

    private void load(String dataset, String csv) {
        loads.load(dataset, "text/csv", dataset + ".csv", List.of(), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }
}

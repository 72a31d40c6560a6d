package io.funnelql.warehouse.demo;

import static io.funnelql.warehouse.TestWarehouses.count;
import static io.funnelql.warehouse.TestWarehouses.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;
import io.funnelql.warehouse.load.LoadResult;

class GeneratorTests {

    static final LocalDate UNTIL = LocalDate.of(2025, 6, 30);
    static final GeneratorSpec SMALL = new GeneratorSpec(2_000, 20_000, 7, UNTIL);
    /** Not UTC, so that local days and instants differ and DST changes fall inside the window. */
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final String FROM = "TIMESTAMPTZ '2022-07-01 00:00:00 America/New_York'";
    static final String END = "TIMESTAMPTZ '2025-07-01 00:00:00 America/New_York'";

    static Warehouse warehouse;
    static GenerationReport report;

    @BeforeAll
    static void generateOnce() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults().withTimeZone(ZONE));
        report = new Generator().generate(warehouse, SMALL);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void loadsEverySevenDatasetsOnceAsGenerated() {
        assertThat(report.loads()).extracting(LoadResult::dataset).containsExactlyInAnyOrder(Dataset.values());
        assertThat(report.loads()).noneMatch(LoadResult::duplicate);
        assertThat(rows(warehouse, "SELECT dataset, file_name, format, status FROM loads ORDER BY load_id")).containsExactly(
                "source_map|generated:source_map seed=7|GENERATED|committed",
                "contacts|generated:contacts seed=7|GENERATED|committed",
                "sessions|generated:sessions seed=7|GENERATED|committed",
                "deals|generated:deals seed=7|GENERATED|committed",
                "spend|generated:spend seed=7|GENERATED|committed",
                "metric_values|generated:metric_values seed=7|GENERATED|committed",
                "targets|generated:targets seed=7|GENERATED|committed");
    }

    @Test
    void leavesNoScratchDatabaseBehind() {
        assertThat(count(warehouse, "SELECT count(*) FROM duckdb_databases() WHERE database_name = 'funnelql_generator'")).isZero();
        assertThat(rows(warehouse, "SELECT DISTINCT database_name FROM duckdb_tables() ORDER BY 1")).containsExactly("memory");
    }

    @Test
    void generatesExactlyTheContactsAndSessionsOfTheSpec() {
        assertThat(count(warehouse, "SELECT count(*) FROM contacts")).isEqualTo(2_000);
        assertThat(count(warehouse, "SELECT count(DISTINCT contact_id) FROM raw_contacts")).isEqualTo(2_000);
        assertThat(count(warehouse, "SELECT count(*) FROM sessions")).isEqualTo(20_000);
        assertThat(count(warehouse, "SELECT count(DISTINCT session_id) FROM raw_sessions")).isEqualTo(20_000);
        assertThat(report.loads().stream().filter(l -> l.dataset() == Dataset.SESSIONS).findFirst().orElseThrow().rows())
                .isEqualTo(20_000);
    }

    @Test
    void sameSpecGivesTheSameRowsWhateverTheThreadCount() {
        Map<String, String> expected = data(warehouse);
        try (Warehouse oneThread = Warehouse.inMemory(new WarehouseSettings(ZONE, null, 1))) {
            new Generator().generate(oneThread, SMALL);

            assertThat(data(oneThread)).isEqualTo(expected);
        }
        assertThat(expected.get("contacts")).startsWith("2000:");
    }

    /** Every table's digest but the schema history's, which records when the schema was applied. */
    static Map<String, String> data(Warehouse warehouse) {
        Map<String, String> snapshot = new java.util.TreeMap<>(TestWarehouses.snapshot(warehouse, false));
        snapshot.remove("schema_version");
        return snapshot;
    }

    @Test
    void anotherSeedGivesOtherRows() {
        try (Warehouse other = Warehouse.inMemory(WarehouseSettings.defaults().withTimeZone(ZONE))) {
            new Generator().generate(other, new GeneratorSpec(2_000, 20_000, 8, UNTIL));

            Map<String, String> snapshot = TestWarehouses.snapshot(other, false);
            assertThat(snapshot.get("contacts")).startsWith("2000:").isNotEqualTo(TestWarehouses.snapshot(warehouse, false).get("contacts"));
        }
    }

    @Test
    void generatingTheSameSpecAgainIsADuplicateNoOp() {
        try (Warehouse again = Warehouse.inMemory(WarehouseSettings.defaults().withTimeZone(ZONE))) {
            GenerationReport first = new Generator().generate(again, SMALL);
            Map<String, String> before = TestWarehouses.snapshot(again, true);

            GenerationReport second = new Generator().generate(again, SMALL);

            assertThat(second.allDuplicates()).isTrue();
            assertThat(second.loads()).extracting(LoadResult::loadId).isEqualTo(first.loads().stream().map(LoadResult::loadId).toList());
            assertThat(second.rows()).isEqualTo(first.rows());
            assertThat(TestWarehouses.snapshot(again, true)).isEqualTo(before);
        }
    }

    @Test
    void keepsEveryDateWithinTheThreeYearsEndingUntil() {
        for (String column : List.of("created_at", "subscriber_at", "lead_at", "mql_at", "sql_at", "opportunity_at",
                "customer_at", "evangelist_at", "updated_at")) {
            assertThat(count(warehouse, "SELECT count(*) FROM contacts WHERE " + column + " < " + FROM + " OR " + column + " >= " + END))
                    .as(column).isZero();
        }
        assertThat(count(warehouse, "SELECT count(*) FROM sessions WHERE started_at < " + FROM + " OR started_at >= " + END)).isZero();
        assertThat(count(warehouse, "SELECT count(*) FROM spend WHERE date < DATE '2022-07-01' OR date > DATE '2025-06-30'")).isZero();
        assertThat(count(warehouse, "SELECT count(*) FROM metric_values WHERE date < DATE '2022-07-01' OR date > DATE '2025-06-30' OR isodow(date) <> 1")).isZero();
        assertThat(count(warehouse, "SELECT count(*) FROM targets WHERE period_start < DATE '2022-07-01' OR period_start > DATE '2025-06-30'")).isZero();
        // Open deals carry their expected close date, which is after until by definition.
        assertThat(count(warehouse, "SELECT count(*) FROM deals WHERE status <> 'open' AND (closed_at < " + FROM + " OR closed_at >= " + END + ")")).isZero();
        assertThat(count(warehouse, "SELECT count(*) FROM deals WHERE status = 'open' AND closed_at < " + END)).isZero();
        // The window is used to the end: the last week has contacts and sessions.
        assertThat(count(warehouse, "SELECT count(*) FROM contacts WHERE created_at >= " + END + " - INTERVAL 7 DAY")).isPositive();
    }

    @Test
    void cumulativeFunnelNeverGrowsFromStageToStage() {
        List<String> stages = List.of("subscriber_at", "lead_at", "mql_at", "sql_at", "opportunity_at", "customer_at", "evangelist_at");
        long previous = count(warehouse, "SELECT count(*) FROM contacts");
        for (int i = 1; i < stages.size(); i++) {
            String reachedOrLater = "coalesce(" + String.join(", ", stages.subList(i, stages.size())) + ") IS NOT NULL";
            long reached = count(warehouse, "SELECT count(*) FROM contacts WHERE " + reachedOrLater);
            assertThat(reached).as(stages.get(i)).isPositive().isLessThanOrEqualTo(previous);
            previous = reached;
        }
    }

    @Test
    void lifecycleStageIsTheFurthestStageReached() {
        assertThat(count(warehouse, """
                SELECT count(*) FROM contacts WHERE lifecycle_stage <> CASE
                    WHEN evangelist_at IS NOT NULL THEN 'evangelist' WHEN customer_at IS NOT NULL THEN 'customer'
                    WHEN opportunity_at IS NOT NULL THEN 'opportunity' WHEN sql_at IS NOT NULL THEN 'salesqualifiedlead'
                    WHEN mql_at IS NOT NULL THEN 'marketingqualifiedlead' WHEN lead_at IS NOT NULL THEN 'lead'
                    ELSE 'subscriber' END""")).isZero();
    }

    @Test
    void contactsComeFromInboundAndOutboundSources() {
        assertThat(rows(warehouse, "SELECT DISTINCT channel FROM contacts ORDER BY 1")).containsExactly("inbound", "outbound", "unknown");
        assertThat(rows(warehouse, "SELECT DISTINCT channel FROM sessions ORDER BY 1")).containsExactly("inbound", "outbound", "unknown");
        assertThat(rows(warehouse, "SELECT DISTINCT source FROM contacts WHERE channel = 'outbound' ORDER BY 1"))
                .containsExactly("events", "offline", "outbound");
        assertThat(count(warehouse, "SELECT count(*) FROM contacts WHERE channel = 'inbound'"))
                .isBetween(1_400L, 1_700L);
    }

    @Test
    void paidSearchConvertsToMqlBetterThanOrganicSocial() {
        String mqlRate = "SELECT round(1000 * avg(CAST(coalesce(mql_at, sql_at, opportunity_at, customer_at) IS NOT NULL AS INTEGER))) FROM contacts WHERE source = ";
        assertThat(count(warehouse, mqlRate + "'paid_search'")).isGreaterThan(count(warehouse, mqlRate + "'organic_social'") + 100);
    }

    @Test
    void leavesSomethingForTheDataQualityChecks() {
        assertThat(count(warehouse, "SELECT count(*) FROM contacts WHERE mql_at < lead_at OR sql_at < mql_at")).isBetween(1L, 40L);
        assertThat(count(warehouse, "SELECT count(*) FROM contacts WHERE source = 'unknown'")).isPositive();
        assertThat(count(warehouse, "SELECT count(*) FROM sessions WHERE channel = 'unknown' AND source <> 'unknown'")).isPositive();
        assertThat(count(warehouse, "SELECT count(*) FROM contacts WHERE source_raw = 'linkedin-ads' AND source = 'paid_social'")).isPositive();
        assertThat(count(warehouse, "SELECT count(*) FROM contacts WHERE email LIKE 'info@%' OR email LIKE 'sales@%' OR email LIKE 'hello@%'"
                + " OR email LIKE 'marketing@%' OR email LIKE 'contact@%'")).isPositive();
        assertThat(count(warehouse, "SELECT count(*) FROM contacts WHERE email LIKE '%@gmail.com' OR email LIKE '%@outlook.com' OR email LIKE '%@yahoo.com'")).isPositive();
    }

    @Test
    void aTradeShowListEntersMqlInOneMinute() {
        long listed = count(warehouse, """
                SELECT max(n) FROM (SELECT date_trunc('minute', mql_at), count(*) AS n FROM contacts
                                    WHERE source = 'events' AND mql_at IS NOT NULL GROUP BY 1)""");
        // 0.6% of 2,000 contacts, drawn at random from the 90 days before the show
        assertThat(listed).isBetween(6L, 20L);
    }

    @Test
    void inboundContactsAreCreatedRightAfterTheirSession() {
        assertThat(count(warehouse, """
                SELECT count(*) FROM contacts c WHERE c.channel = 'inbound' AND NOT EXISTS (
                    SELECT 1 FROM sessions s WHERE s.contact_id = c.contact_id
                    AND c.created_at BETWEEN s.started_at + INTERVAL 1 MINUTE AND s.started_at + INTERVAL 15 MINUTE
                    AND NOT s.bounced)""")).isZero();
        assertThat(count(warehouse, """
                SELECT count(*) FROM sessions s WHERE s.contact_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.contact_id = s.contact_id)""")).isZero();
    }

    @Test
    void visitorsReturnForAboutTwoAndAHalfSessions() {
        long visitors = count(warehouse, "SELECT count(DISTINCT visitor_id) FROM sessions");
        assertThat(20_000.0 / visitors).isBetween(2.2, 2.8);
        assertThat(count(warehouse, "SELECT count(*) FROM sessions WHERE bounced AND pageviews <> 1")).isZero();
    }

    @Test
    void fewerContactsOnWeekendsAndInSummer() {
        long weekdays = count(warehouse, "SELECT count(*) FROM contacts WHERE isodow(timezone('America/New_York', created_at)) <= 5");
        long weekends = count(warehouse, "SELECT count(*) FROM contacts WHERE isodow(timezone('America/New_York', created_at)) > 5");
        // per day: weekdays carry about four times the weekend's contacts
        assertThat(weekdays / 5.0).isGreaterThan(2.5 * weekends / 2.0);
        long summer = count(warehouse, "SELECT count(*) FROM contacts WHERE month(timezone('America/New_York', created_at)) IN (7, 8)");
        long spring = count(warehouse, "SELECT count(*) FROM contacts WHERE month(timezone('America/New_York', created_at)) IN (2, 3)");
        assertThat(summer).isLessThan(spring);
    }

    @Test
    void stageLagsRunFromDaysToMonths() {
        assertThat(count(warehouse, "SELECT median(date_diff('hour', lead_at, mql_at)) FROM contacts WHERE mql_at > lead_at"))
                .isBetween(24L, 96L);
        assertThat(count(warehouse, "SELECT median(date_diff('day', opportunity_at, customer_at)) FROM contacts"))
                .isBetween(30L, 120L);
    }

    @Test
    void dealsReferenceExistingContactsExceptAHandful() {
        assertThat(count(warehouse, """
                SELECT count(*) FROM deals d WHERE d.contact_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.contact_id = d.contact_id)""")).isZero();
        assertThat(count(warehouse, "SELECT count(*) FROM deals WHERE contact_id IS NULL")).isEqualTo(3);
        assertThat(count(warehouse, """
                SELECT count(*) FROM contacts c WHERE customer_at IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM deals d WHERE d.contact_id = c.contact_id AND d.type = 'new' AND d.status = 'won'
                    AND d.closed_at = c.customer_at)""")).isZero();
        assertThat(rows(warehouse, "SELECT DISTINCT status FROM deals ORDER BY 1")).containsExactly("lost", "open", "won");
        assertThat(count(warehouse, "SELECT count(*) FROM deals WHERE currency <> 'USD'")).isZero();
    }

    @Test
    void spendTargetsAndMetricValuesCoverTheWindow() {
        assertThat(rows(warehouse, "SELECT DISTINCT source FROM spend ORDER BY 1"))
                .containsExactly("display", "events", "outbound", "paid_search", "paid_social");
        assertThat(rows(warehouse, "SELECT DISTINCT metric FROM targets ORDER BY 1")).containsExactly(
                "contacts", "cost_per_lead", "customers", "mqls", "sessions", "sqls", "won_revenue");
        // 36 months and 12 quarters per metric, and MQLs per source for two sources
        assertThat(count(warehouse, "SELECT count(*) FROM targets WHERE metric = 'sessions' AND grain = 'MONTH'")).isEqualTo(36);
        assertThat(count(warehouse, "SELECT count(*) FROM targets WHERE metric = 'mqls' AND grain = 'QUARTER'")).isEqualTo(36);
        assertThat(rows(warehouse, "SELECT DISTINCT metric FROM metric_values ORDER BY 1")).containsExactly(
                "keyword_top10_rankings", "newsletter_subscribers", "social_engagement", "webinar_attendees");
        assertThat(count(warehouse, "SELECT count(*) FROM metric_values WHERE note IS NOT NULL")).isPositive();
    }

    @Test
    void targetsSitNearTheActualsSomeAboveSomeBelow() {
        String actualVsTarget = """
                SELECT count(*) FROM targets t JOIN (
                    SELECT date_trunc('quarter', timezone('America/New_York', started_at))::DATE AS period_start, count(*) AS actual
                    FROM sessions GROUP BY 1) a USING (period_start)
                WHERE t.metric = 'sessions' AND t.grain = 'QUARTER' AND t.period_start < DATE '2025-04-01'""" + " AND ";
        assertThat(count(warehouse, actualVsTarget + "t.value > a.actual")).isPositive();
        assertThat(count(warehouse, actualVsTarget + "t.value < a.actual")).isPositive();
        assertThat(count(warehouse, actualVsTarget + "(t.value < 0.8 * a.actual OR t.value > 1.2 * a.actual)")).isZero();
    }

    @Test
    void acceptsZeroSessions() {
        try (Warehouse empty = Warehouse.inMemory(WarehouseSettings.defaults())) {
            GenerationReport noTraffic = new Generator().generate(empty, new GeneratorSpec(50, 0, 1, UNTIL));

            assertThat(count(empty, "SELECT count(*) FROM sessions")).isZero();
            assertThat(count(empty, "SELECT count(*) FROM contacts")).isEqualTo(50);
            assertThat(noTraffic.loads()).hasSize(7);
        }
    }
}

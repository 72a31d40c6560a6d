package io.funnelql.queries.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.cost.CostQuery;
import io.funnelql.queries.cost.CostService;
import io.funnelql.queries.engine.SqlStatement;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** When the revenue and cost reports read the rollups, and when the data itself. */
class RollupPathTests {

    static final DateRange JUNE = DateRange.of("2024-06-01", "2024-06-30");

    Warehouse warehouse;
    RevenueService revenue;
    CostService cost;

    @BeforeEach
    void load() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.CONTACTS, "contact_id,created_at,source,lead_at\nk1,2024-06-03,PAID_SEARCH,2024-06-04\n");
        Fixtures.load(warehouse, Dataset.DEALS, "deal_id,amount,closed_at,contact_id,mrr,churned_at\nd1,1000,2024-06-05,k1,100,2024-08-01\n");
        Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        revenue = new RevenueService(warehouse, ReportSettings.defaults(), clock);
        cost = new CostService(warehouse, ReportSettings.defaults(), clock);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    static String sql(List<SqlStatement> statements) {
        assertThat(statements).hasSize(1);
        return statements.get(0).sql();
    }

    @Test
    void theCurrentDataInTheWorkspaceTimeZoneComesFromTheRollups() {
        assertThat(sql(revenue.statements(RevenueQuery.of(JUNE)))).contains("rollup_revenue").doesNotContain("FROM deals");
        assertThat(sql(cost.statements(CostQuery.of(JUNE)))).contains("rollup_revenue", "rollup_contacts_entered")
                .doesNotContain("FROM deals", "FROM contacts");
    }

    @Test
    void anotherTimeZoneReadsTheData() {
        RevenueQuery berlin = RevenueQuery.of(JUNE).withTimeZone(ZoneId.of("Europe/Berlin"));

        assertThat(sql(revenue.statements(berlin))).doesNotContain("rollup_revenue").contains("FROM deals");
    }

    @Test
    void anAsOfBeforeTheLatestDateReadsTheData() {
        // d1 churned on Aug 1: an asOf in July must not see that churn, which the rollup holds.
        RevenueQuery july = RevenueQuery.of(JUNE).withAsOf(Instant.parse("2024-07-15T00:00:00Z"));
        CostQuery june5 = CostQuery.of(JUNE).withAsOf(Instant.parse("2024-06-03T12:00:00Z"));

        assertThat(sql(revenue.statements(july))).doesNotContain("rollup_revenue");
        // Before k1's lead date (and before d1): neither rollup.
        assertThat(sql(cost.statements(june5))).doesNotContain("rollup_revenue", "rollup_contacts_entered");
    }

    @Test
    void aKnownAtBeforeTheLatestLoadReadsTheRawRelations() {
        RevenueQuery before = RevenueQuery.of(JUNE).withKnownAt(Instant.now().minusSeconds(3600));

        assertThat(sql(revenue.statements(before))).doesNotContain("rollup_revenue").contains("raw_deals");
        // A knownAt after the latest load is the current data, from the rollup.
        assertThat(sql(revenue.statements(RevenueQuery.of(JUNE).withKnownAt(Instant.now().plusSeconds(3600)))))
                .contains("rollup_revenue");
    }

    @Test
    void aComparisonRunsASecondStatement() {
        assertThat(revenue.statements(RevenueQuery.of(JUNE).withCompare(Compare.PREVIOUS_YEAR))).hasSize(2);
        assertThat(cost.statements(CostQuery.of(JUNE).withCompare(Compare.PREVIOUS_PERIOD))).hasSize(2);
    }
}

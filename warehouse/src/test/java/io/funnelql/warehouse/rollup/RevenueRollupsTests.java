package io.funnelql.warehouse.rollup;

import static io.funnelql.warehouse.TestWarehouses.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;
import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.Loader;

class RevenueRollupsTests {

    static final String ROWS = "SELECT day, source, channel, started_day, won_revenue, won_deals, new_mrr, expansion_mrr, "
            + "churned_mrr, customers_in, customers_out FROM rollup_revenue ORDER BY day, source, started_day NULLS FIRST";

    @TempDir
    Path dir;

    void load(Warehouse warehouse, Dataset dataset, String name, String csv) throws IOException {
        new Loader(warehouse).load(LoadRequest.of(dataset, Files.writeString(dir.resolve(name), csv)));
    }

    @Test
    void holdsTheLedgerOfWonDealsPerDayAndTheirContactsSource() throws IOException {
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults())) {
            load(warehouse, Dataset.CONTACTS, "c.csv", "contact_id,created_at,source\nc1,2024-05-01,PAID_SEARCH\n");
            // c1: new on Jun 3, expanded Jun 10, churned Jun 20 (all of its 150 of MRR ends); d2 has no contact;
            // the lost deal counts nowhere.
            load(warehouse, Dataset.DEALS, "d.csv", """
                    deal_id,amount,closed_at,contact_id,status,type,mrr,churned_at
                    d1,1200,2024-06-03,c1,won,new,100,2024-06-20
                    x1,600,2024-06-10,c1,won,expansion,50,
                    d2,300,2024-06-03,,won,,25,
                    l1,900,2024-06-05,c1,lost,new,75,
                    """);

            assertThat(rows(warehouse, ROWS)).containsExactly(
                    "2024-06-03|paid_search|inbound|null|1200.00|1|100.00|0.00|0.00|1|0",
                    "2024-06-03|unattributed|unattributed|null|300.00|1|25.00|0.00|0.00|1|0",
                    "2024-06-10|paid_search|inbound|null|600.00|1|0.00|50.00|0.00|0|0",
                    "2024-06-20|paid_search|inbound|2024-06-03|0.00|0|0.00|0.00|150.00|0|1");
        }
    }

    @Test
    void aContactsLoadThatMovesADealsContactRebuildsTheRollup() throws IOException {
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults())) {
            load(warehouse, Dataset.DEALS, "d.csv", "deal_id,amount,closed_at,contact_id\nd1,1000,2024-06-03,c1\n");
            assertThat(rows(warehouse, "SELECT source, won_revenue FROM rollup_revenue")).containsExactly("unattributed|1000.00");

            // The contact arrives after its deal: the deal is attributed from then on.
            load(warehouse, Dataset.CONTACTS, "c.csv", "contact_id,created_at,source\nc1,2024-05-01,ORGANIC_SEARCH\n");
            assertThat(rows(warehouse, "SELECT source, won_revenue FROM rollup_revenue")).containsExactly("organic_search|1000.00");

            // A source map moves it again.
            load(warehouse, Dataset.SOURCE_MAP, "m.csv", "raw_source,source,channel\nORGANIC_SEARCH,seo,inbound\n");
            assertThat(rows(warehouse, "SELECT source, won_revenue FROM rollup_revenue")).containsExactly("seo|1000.00");
        }
    }

    @Test
    void daysAreInTheWorkspaceTimeZoneAndFollowItWhenItChanges() throws IOException, java.sql.SQLException {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults())) {
            load(warehouse, Dataset.DEALS, "d.csv", "deal_id,amount,closed_at\nd1,1000,2024-07-01T02:00:00Z\n");
            assertThat(rows(warehouse, "SELECT day FROM rollup_revenue")).containsExactly("2024-07-01");
        }
        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults().withTimeZone(ZoneId.of("America/New_York")))) {
            assertThat(rows(warehouse, "SELECT day FROM rollup_revenue")).containsExactly("2024-06-30");
            try (Connection connection = warehouse.connect()) {
                assertThat(RevenueRollups.zoneId(connection)).isEqualTo("America/New_York");
                assertThat(RevenueRollups.ensureZone(connection, ZoneId.of("America/New_York"))).isFalse();
            }
        }
    }
}

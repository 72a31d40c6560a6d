package io.funnelql.warehouse;

import static io.funnelql.warehouse.TestWarehouses.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.Loader;

/** The stage_entries view: one row per stage a current contact entered, for activity counts. */
class StageEntriesTests {

    @TempDir
    Path dir;

    Warehouse warehouse;
    Loader loader;

    @BeforeEach
    void open() {
        warehouse = TestWarehouses.inMemory();
        loader = new Loader(warehouse);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void contactCreatedInJuneMqlInAugustHasOneRowPerEnteredStage() throws IOException {
        loader.load(LoadRequest.of(Dataset.CONTACTS, Files.writeString(dir.resolve("c.csv"), """
                contact_id,created_at,source,lead_at,mql_at,customer_at
                c1,2024-06-10,Organic Search,2024-06-12,2024-08-03,
                c2,2024-06-11,,,,
                """)));

        assertThat(rows(warehouse, """
                SELECT contact_id, stage, stage_order, CAST(entered_at AS DATE), source, channel, CAST(created_at AS DATE)
                FROM stage_entries ORDER BY contact_id, stage_order""")).containsExactly(
                "c1|CREATED|0|2024-06-10|organic_search|inbound|2024-06-10",
                "c1|LEAD|2|2024-06-12|organic_search|inbound|2024-06-10",
                "c1|MQL|3|2024-08-03|organic_search|inbound|2024-06-10",
                "c2|CREATED|0|2024-06-11|unknown|unknown|2024-06-11");
    }

    @Test
    void everyStageHasItsOrderAndOnlyTheCurrentVersionCounts() throws IOException {
        loader.load(LoadRequest.of(Dataset.CONTACTS, Files.writeString(dir.resolve("v1.csv"), """
                contact_id,created_at,subscriber_at,lead_at,mql_at,sql_at,opportunity_at,customer_at,evangelist_at
                c1,2024-01-01,2024-01-02,2024-01-03,2024-01-04,2024-01-05,2024-01-06,2024-01-07,2024-01-08
                """)));
        loader.load(LoadRequest.of(Dataset.CONTACTS, Files.writeString(dir.resolve("v2.csv"), """
                contact_id,created_at,subscriber_at,lead_at,mql_at,sql_at,opportunity_at,customer_at,evangelist_at
                c1,2024-01-01,2024-01-02,2024-01-03,2024-01-04,2024-01-05,2024-01-06,2024-01-07,2024-01-08
                c2,2024-02-01,,,2024-01-15,,,,
                """)));

        assertThat(rows(warehouse, "SELECT stage, stage_order, CAST(entered_at AS DATE) FROM stage_entries"
                + " WHERE contact_id = 'c1' ORDER BY stage_order")).containsExactly(
                "CREATED|0|2024-01-01", "SUBSCRIBER|1|2024-01-02", "LEAD|2|2024-01-03", "MQL|3|2024-01-04",
                "SQL|4|2024-01-05", "OPPORTUNITY|5|2024-01-06", "CUSTOMER|6|2024-01-07", "EVANGELIST|7|2024-01-08");
        // An MQL dated before creation is kept as the data says.
        assertThat(rows(warehouse, "SELECT stage, CAST(entered_at AS DATE) FROM stage_entries WHERE contact_id = 'c2'"
                + " ORDER BY stage_order")).containsExactly("CREATED|2024-02-01", "MQL|2024-01-15");
    }
}

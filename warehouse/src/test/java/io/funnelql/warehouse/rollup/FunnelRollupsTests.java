package io.funnelql.warehouse.rollup;

import static io.funnelql.warehouse.TestWarehouses.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;
import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.Loader;

class FunnelRollupsTests {

    @TempDir
    Path dir;

    void load(Warehouse warehouse, Dataset dataset, String name, String csv) throws IOException {
        new Loader(warehouse).load(LoadRequest.of(dataset, Files.writeString(dir.resolve(name), csv)));
    }

    @Test
    void countsContactsAndStagesPerDaySourceAndChannel() throws IOException {
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults())) {
            // c3 skipped LEAD and MQL: reached (cumulative) but not entered.
            load(warehouse, Dataset.CONTACTS, "c.csv", """
                    contact_id,created_at,source,lead_at,mql_at,sql_at
                    c1,2024-06-03 09:00,PAID_SEARCH,2024-06-03,2024-06-10,
                    c2,2024-06-03 17:00,PAID_SEARCH,2024-06-04,,
                    c3,2024-06-04 10:00,outbound,,,2024-06-05
                    """);

            assertThat(rows(warehouse, "SELECT day, source, channel, contacts, reached_lead, reached_mql, reached_sql, "
                    + "entered_lead, entered_mql, entered_sql FROM rollup_contacts_created ORDER BY day, source")).containsExactly(
                    "2024-06-03|paid_search|inbound|2|2|1|0|2|1|0",
                    "2024-06-04|outbound|outbound|1|1|1|1|0|0|1");
            // Cumulatively, a subscriber (stage 1) is anyone who reached a later stage, dated at the next one entered.
            assertThat(rows(warehouse, "SELECT day, source, stage, entries FROM rollup_contacts_entered WHERE cumulative "
                    + "ORDER BY day, source, stage")).containsExactly(
                    "2024-06-03|paid_search|0|2", "2024-06-03|paid_search|1|1", "2024-06-03|paid_search|2|1",
                    "2024-06-04|outbound|0|1", "2024-06-04|paid_search|1|1", "2024-06-04|paid_search|2|1",
                    "2024-06-05|outbound|1|1", "2024-06-05|outbound|2|1", "2024-06-05|outbound|3|1", "2024-06-05|outbound|4|1",
                    "2024-06-10|paid_search|3|1");
            assertThat(rows(warehouse, "SELECT day, source, stage, entries FROM rollup_contacts_entered WHERE NOT cumulative "
                    + "AND stage > 0 ORDER BY day, source, stage")).containsExactly(
                    "2024-06-03|paid_search|2|1", "2024-06-04|paid_search|2|1", "2024-06-05|outbound|4|1",
                    "2024-06-10|paid_search|3|1");
        }
    }

    @Test
    void aCorrectingLoadMovesCountsAndRemovesEmptiedRows() throws IOException {
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults())) {
            load(warehouse, Dataset.CONTACTS, "first.csv", """
                    contact_id,created_at,source,mql_at
                    c1,2024-06-03,ORGANIC_SEARCH,
                    c2,2024-06-03,ORGANIC_SEARCH,
                    """);
            // c1 was a paid-search contact created a day later, and became an MQL.
            load(warehouse, Dataset.CONTACTS, "fix.csv", "contact_id,created_at,source,mql_at\nc1,2024-06-04,PAID_SEARCH,2024-06-09\n");

            assertThat(rows(warehouse, "SELECT day, source, contacts, reached_mql FROM rollup_contacts_created ORDER BY day"))
                    .containsExactly("2024-06-03|organic_search|1|0", "2024-06-04|paid_search|1|1");
            assertThat(rows(warehouse, "SELECT count(*) FROM rollup_contacts_entered WHERE source = 'organic_search' AND stage = 3"))
                    .containsExactly("0");
            assertRollupsMatchARebuild(warehouse);
        }
    }

    @Test
    void aSourceMapLoadMovesContactsToTheirNewSource() throws IOException {
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults())) {
            load(warehouse, Dataset.CONTACTS, "c.csv", "contact_id,created_at,source\nc1,2024-06-03,partner-newsletter\n");
            load(warehouse, Dataset.SOURCE_MAP, "m.csv", "raw_source,source,channel\npartner-newsletter,referral,inbound\n");

            assertThat(rows(warehouse, "SELECT source, channel, contacts FROM rollup_contacts_created"))
                    .containsExactly("referral|inbound|1");
        }
    }

    @Test
    void reopeningInAnotherTimeZoneRebuildsTheDays() throws IOException {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults())) {
            load(warehouse, Dataset.CONTACTS, "c.csv", "contact_id,created_at\nc1,2024-07-01T02:00:00Z\n");
            assertThat(rows(warehouse, "SELECT day FROM rollup_contacts_created")).containsExactly("2024-07-01");
        }
        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults().withTimeZone(ZoneId.of("America/New_York")))) {
            // 02:00 UTC on July 1 is June 30 in New York.
            assertThat(rows(warehouse, "SELECT day FROM rollup_contacts_created")).containsExactly("2024-06-30");
            assertThat(rows(warehouse, "SELECT time_zone FROM rollup_state WHERE name = 'contacts'")).containsExactly("America/New_York");
        }
    }

    static void assertRollupsMatchARebuild(Warehouse warehouse) {
        var created = rows(warehouse, "SELECT * FROM rollup_contacts_created ORDER BY ALL");
        var entered = rows(warehouse, "SELECT * FROM rollup_contacts_entered ORDER BY ALL");
        try (var connection = warehouse.connect()) {
            connection.setAutoCommit(false);
            FunnelRollups.rebuild(connection, warehouse.settings().timeZone());
            connection.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(rows(warehouse, "SELECT * FROM rollup_contacts_created ORDER BY ALL")).isEqualTo(created);
        assertThat(rows(warehouse, "SELECT * FROM rollup_contacts_entered ORDER BY ALL")).isEqualTo(entered);
    }
}

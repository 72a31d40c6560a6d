package io.funnelql.warehouse.load;

import static io.funnelql.warehouse.TestWarehouses.count;
import static io.funnelql.warehouse.TestWarehouses.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;

class LoaderTests {

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

    Path file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void loadsContactsIntoRawAndCurrentTables() throws IOException {
        Path csv = file("contacts.csv", """
                contact_id,created_at,source,mql_at
                c1,2024-06-03,Organic Search,2024-08-01 10:00
                c2,2024-06-04T09:30:00Z,PAID_SEARCH,
                c3,2024-06-05,,
                """);

        LoadResult result = loader.load(LoadRequest.of(Dataset.CONTACTS, csv));

        assertThat(result.rows()).isEqualTo(3);
        assertThat(result.duplicate()).isFalse();
        assertThat(count(warehouse, "SELECT count(*) FROM raw_contacts WHERE load_id = " + result.loadId())).isEqualTo(3);
        assertThat(rows(warehouse, "SELECT contact_id, source_raw, source, channel, CAST(mql_at AS VARCHAR) FROM contacts ORDER BY contact_id"))
                .containsExactly(
                        "c1|Organic Search|organic_search|inbound|2024-08-01 10:00:00+00",
                        "c2|PAID_SEARCH|paid_search|inbound|null",
                        "c3|null|unknown|unknown|null");
        assertThat(rows(warehouse, "SELECT status, row_count, file_name, format FROM loads"))
                .containsExactly("committed|3|contacts.csv|CSV");
    }

    @Test
    void sameContentTwiceIsADuplicateNoOp() throws IOException {
        Path csv = file("contacts.csv", "contact_id,created_at\nc1,2024-06-03\n");
        LoadResult first = loader.load(LoadRequest.of(Dataset.CONTACTS, csv));

        LoadResult second = loader.load(LoadRequest.of(Dataset.CONTACTS, file("again.csv", "contact_id,created_at\nc1,2024-06-03\n")));

        assertThat(second.duplicate()).isTrue();
        assertThat(second.loadId()).isEqualTo(first.loadId());
        assertThat(second.rows()).isEqualTo(1);
        assertThat(count(warehouse, "SELECT count(*) FROM loads")).isEqualTo(1);
        assertThat(count(warehouse, "SELECT count(*) FROM raw_contacts")).isEqualTo(1);
    }

    @Test
    void reportsBadValuesWithLineAndColumnAndLoadsNothing() throws IOException {
        loader.load(LoadRequest.of(Dataset.CONTACTS, file("first.csv", "contact_id,created_at\nc0,2024-01-01\n")));
        var before = TestWarehouses.snapshot(warehouse, false);
        Path csv = file("bad.csv", """
                contact_id,created_at,mql_at
                c1,2024-06-03,
                c2,yesterday,
                ,2024-06-05,
                c4,2024-06-06,2024-13-01
                c1,2024-06-07,
                """);

        LoadRejectedException rejected = org.junit.jupiter.api.Assertions.assertThrows(LoadRejectedException.class,
                () -> loader.load(LoadRequest.of(Dataset.CONTACTS, csv)));

        assertThat(rejected.problems()).extracting(LoadProblem::line, LoadProblem::column, LoadProblem::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "created_at", "yesterday"),
                        org.assertj.core.groups.Tuple.tuple(4L, "contact_id", null),
                        org.assertj.core.groups.Tuple.tuple(5L, "mql_at", "2024-13-01"),
                        org.assertj.core.groups.Tuple.tuple(6L, "contact_id", "c1"));
        assertThat(rejected.problems().get(3).message()).contains("line 2");
        assertThat(TestWarehouses.snapshot(warehouse, false)).isEqualTo(before);
        assertThat(rows(warehouse, "SELECT status FROM loads ORDER BY load_id")).containsExactly("committed", "failed");
    }

    @Test
    void countsLinesAcrossQuotedLineBreaksAndBlankLines() throws IOException {
        Path csv = file("contacts.csv", "contact_id,created_at,company\n"
                + "c1,2024-06-03,\"Acme\nInc\"\n"
                + "\n"
                + "c2,not-a-date,Beta\n");

        LoadRejectedException rejected = org.junit.jupiter.api.Assertions.assertThrows(LoadRejectedException.class,
                () -> loader.load(LoadRequest.of(Dataset.CONTACTS, csv)));

        assertThat(rejected.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5L);
            assertThat(p.column()).isEqualTo("created_at");
        });
    }

    @Test
    void namesMissingRequiredColumns() throws IOException {
        Path csv = file("contacts.csv", "id_of_contact,when\n1,2024-01-01\n");

        LoadRejectedException rejected = org.junit.jupiter.api.Assertions.assertThrows(LoadRejectedException.class,
                () -> loader.load(LoadRequest.of(Dataset.CONTACTS, csv)));

        assertThat(rejected.problems()).extracting(LoadProblem::column).containsExactly("contact_id", "created_at");
        assertThat(rejected.problems().get(1).message()).contains("Create Date").contains("id_of_contact, when");
    }

    @Test
    void readsHubSpotExportHeaders() throws IOException {
        Path csv = file("hubspot.csv", """
                "Record ID","First Name","Create Date","Original Source","Lifecycle Stage","Became a Marketing Qualified Lead Date"
                "101","Ana","2024-06-03 09:15","ORGANIC_SEARCH","marketingqualifiedlead","2024-06-10 11:00"
                """);

        loader.load(LoadRequest.of(Dataset.CONTACTS, csv));

        assertThat(rows(warehouse, "SELECT contact_id, source, lifecycle_stage, CAST(mql_at AS VARCHAR) FROM contacts"))
                .containsExactly("101|organic_search|marketingqualifiedlead|2024-06-10 11:00:00+00");
    }

    @Test
    void usesTheUsersHeaderMapping() throws IOException {
        Path csv = file("crm.csv", "Lead Key;Signup Time;Channel Name\nL1;2024-06-03;Newsletter\n");

        loader.load(LoadRequest.of(Dataset.CONTACTS, csv).withMapping(HeaderMapping.parse(
                List.of("contact_id=Lead Key", "created_at=Signup Time", "source=Channel Name"))));

        assertThat(rows(warehouse, "SELECT contact_id, source, channel FROM contacts")).containsExactly("L1|Newsletter|unknown");
    }

    @Test
    void aMappingMayFillTwoColumnsFromOneHeader() throws IOException {
        // Olist's closed deals: one row per won lead, keyed by the lead's id.
        Path csv = file("deals.csv", "mql_id,won_date,declared_monthly_revenue\nm1,2018-02-26 19:58:54,0.0\n");

        loader.load(LoadRequest.of(Dataset.DEALS, csv).withMapping(HeaderMapping.parse(List.of(
                "deal_id=mql_id", "contact_id=mql_id", "closed_at=won_date", "amount=declared_monthly_revenue"))));

        assertThat(rows(warehouse, "SELECT deal_id, contact_id, status, amount FROM deals")).containsExactly("m1|m1|won|0.00");
    }

    @Test
    void upsertReplacesChangedContactsAndKeepsTheRest() throws IOException {
        loader.load(LoadRequest.of(Dataset.CONTACTS, file("all.csv", """
                contact_id,created_at,mql_at
                c1,2024-06-03,
                c2,2024-06-04,
                """)));
        LoadResult update = loader.load(LoadRequest.of(Dataset.CONTACTS, file("changed.csv", """
                contact_id,created_at,mql_at
                c2,2024-06-04,2024-07-01
                c3,2024-06-05,
                """)));

        assertThat(rows(warehouse, "SELECT contact_id, load_id, CAST(mql_at AS DATE) FROM contacts ORDER BY contact_id"))
                .containsExactly("c1|1|null", "c2|" + update.loadId() + "|2024-07-01", "c3|" + update.loadId() + "|null");
        assertThat(count(warehouse, "SELECT count(*) FROM raw_contacts WHERE contact_id = 'c2'")).isEqualTo(2);
    }
}

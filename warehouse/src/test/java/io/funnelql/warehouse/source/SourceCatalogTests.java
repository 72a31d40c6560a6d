package io.funnelql.warehouse.source;

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
import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.Loader;

class SourceCatalogTests {

    @TempDir
    Path dir;

    Warehouse warehouse;
    SourceCatalog catalog;

    @BeforeEach
    void open() {
        warehouse = TestWarehouses.inMemory();
        catalog = new SourceCatalog(warehouse);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    void load(Dataset dataset, String csv) throws IOException {
        Path file = Files.writeString(dir.resolve(dataset.id() + System.nanoTime() + ".csv"), csv);
        new Loader(warehouse).load(LoadRequest.of(dataset, file));
    }

    @Test
    void emptyWarehouseHasNoSources() {
        assertThat(catalog.list()).isEmpty();
    }

    @Test
    void groupsHubSpotAndCanonicalSpellingsUnderOneSourceWithCountsPerTable() throws IOException {
        load(Dataset.CONTACTS, """
                contact_id,created_at,source
                c1,2024-06-03,Organic Search
                c2,2024-06-04,ORGANIC_SEARCH
                c3,2024-06-05,organic_search
                """);
        load(Dataset.SESSIONS, """
                session_id,started_at,source
                s1,2024-06-03,Organic Search
                s2,2024-06-03,Paid Search
                """);

        List<SourceInfo> sources = catalog.list();

        assertThat(sources).containsExactly(
                new SourceInfo("organic_search", "inbound", "Organic search", true, 3, 1,
                        List.of("ORGANIC_SEARCH", "Organic Search", "organic_search")),
                new SourceInfo("paid_search", "inbound", "Paid search", true, 0, 1, List.of("Paid Search")));
    }

    @Test
    void keepsAnUnmappedRawValueAsItsOwnUnmappedSource() throws IOException {
        load(Dataset.CONTACTS, """
                contact_id,created_at,source
                c1,2024-06-03,  Partner Webinar\s
                c2,2024-06-04,Partner Webinar
                """);

        assertThat(catalog.list()).containsExactly(
                new SourceInfo("Partner Webinar", "unknown", "Partner Webinar", false, 2, 0, List.of("Partner Webinar")));
    }

    @Test
    void listsBlankSourcesAsUnknownWithoutRawValues() throws IOException {
        load(Dataset.SESSIONS, """
                session_id,started_at,source
                s1,2024-06-03,
                s2,2024-06-03,
                """);

        assertThat(catalog.list()).containsExactly(
                new SourceInfo("unknown", "unknown", "Unknown", true, 0, 2, List.of()));
    }

    @Test
    void sourceNamedByTheUsersSourceMapIsMappedAndLabelledWithItsId() throws IOException {
        load(Dataset.SOURCE_MAP, """
                raw_source,source,channel
                Partner Webinar,partner_webinars,outbound
                """);
        load(Dataset.CONTACTS, """
                contact_id,created_at,source
                c1,2024-06-03,Partner Webinar
                """);

        assertThat(catalog.list()).containsExactly(
                new SourceInfo("partner_webinars", "outbound", "partner_webinars", true, 1, 0, List.of("Partner Webinar")));
    }

    @Test
    void sourceSeenOnlyInSpendIsListedWithZeroCounts() throws IOException {
        load(Dataset.SPEND, """
                date,source,amount
                2024-06-01,PAID_SOCIAL,120.50
                """);

        assertThat(catalog.list()).containsExactly(
                new SourceInfo("paid_social", "inbound", "Paid social", true, 0, 0, List.of("PAID_SOCIAL")));
    }

    @Test
    void ordersByContactsThenSessionsThenSourceId() throws IOException {
        load(Dataset.CONTACTS, """
                contact_id,created_at,source
                c1,2024-06-03,email
                c2,2024-06-03,direct
                c3,2024-06-03,direct
                """);
        load(Dataset.SESSIONS, """
                session_id,started_at,source
                s1,2024-06-03,referral
                s2,2024-06-03,events
                s3,2024-06-03,events
                """);

        assertThat(catalog.list()).extracting(SourceInfo::source)
                .containsExactly("direct", "email", "events", "referral");
    }
}

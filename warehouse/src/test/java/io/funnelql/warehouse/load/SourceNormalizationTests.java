package io.funnelql.warehouse.load;

import static io.funnelql.warehouse.TestWarehouses.rows;
import static io.funnelql.warehouse.load.LoadFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;

/** Raw sources become a canonical source and channel through the user's source_map and the defaults. */
class SourceNormalizationTests {

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

    private void contacts(String name, String... sources) throws IOException {
        StringBuilder csv = new StringBuilder("contact_id,created_at,source\n");
        for (int i = 0; i < sources.length; i++) {
            csv.append("c").append(i + 1).append(",2024-06-01,\"").append(sources[i]).append("\"\n");
        }
        loader.load(LoadRequest.of(Dataset.CONTACTS, text(dir, name, csv.toString())));
    }

    private java.util.List<String> contactSources() {
        return rows(warehouse, "SELECT contact_id, source, channel FROM contacts ORDER BY length(contact_id), contact_id");
    }

    @Test
    void hubSpotInternalNamesAndLabelsMapToTheSameSource() throws IOException {
        contacts("hubspot.csv", "ORGANIC_SEARCH", "Organic Search", "PAID_SEARCH", "Paid Search", "EMAIL_MARKETING",
                "Email Marketing", "SOCIAL_MEDIA", "Organic Social", "PAID_SOCIAL", "REFERRALS", "DIRECT_TRAFFIC",
                "OFFLINE", "OTHER_CAMPAIGNS");

        assertThat(contactSources()).containsExactly(
                "c1|organic_search|inbound", "c2|organic_search|inbound", "c3|paid_search|inbound", "c4|paid_search|inbound",
                "c5|email|inbound", "c6|email|inbound", "c7|organic_social|inbound", "c8|organic_social|inbound",
                "c9|paid_social|inbound", "c10|referral|inbound", "c11|direct|inbound", "c12|offline|outbound",
                "c13|other_campaigns|inbound");
    }

    @Test
    void ga4DefaultChannelGroupsMap() throws IOException {
        contacts("ga4.csv", "Direct", "Organic Search", "Paid Search", "Organic Social", "Paid Social", "Email",
                "Referral", "Display", "Affiliates", "Organic Video", "Paid Video", "Cross-network", "Unassigned");

        assertThat(contactSources()).containsExactly(
                "c1|direct|inbound", "c2|organic_search|inbound", "c3|paid_search|inbound", "c4|organic_social|inbound",
                "c5|paid_social|inbound", "c6|email|inbound", "c7|referral|inbound", "c8|display|inbound",
                "c9|affiliates|inbound", "c10|organic_video|inbound", "c11|paid_video|inbound",
                "c12|cross_network|inbound", "c13|unknown|unknown");
    }

    @Test
    void canonicalIdsStayUnmappedValuesAreKeptTrimmedAndBlankIsUnknown() throws IOException {
        contacts("mixed.csv", "events", "outbound", "  Podcast Ads  ", "", "   ");

        assertThat(contactSources()).containsExactly(
                "c1|events|outbound", "c2|outbound|outbound", "c3|Podcast Ads|unknown", "c4|unknown|unknown",
                "c5|unknown|unknown");
        assertThat(rows(warehouse, "SELECT source_raw FROM contacts WHERE contact_id = 'c3'")).containsExactly("Podcast Ads");
    }

    @Test
    void sourceMapLoadRemapsExistingContactsSessionsAndSpend() throws IOException {
        contacts("contacts.csv", "Podcast Ads", "Organic Search");
        loader.load(LoadRequest.of(Dataset.SESSIONS, text(dir, "sessions.csv",
                "session_id,started_at,source\ns1,2024-06-01,podcast ads\n")));
        loader.load(LoadRequest.of(Dataset.SPEND, text(dir, "spend.csv",
                "date,source,amount\n2024-06-01,Podcast Ads,300\n")));
        loader.load(LoadRequest.of(Dataset.TARGETS, text(dir, "targets.csv",
                "metric,period_start,grain,value,source\nmql,2024-06-01,MONTH,10,Podcast Ads\n")));

        loader.load(LoadRequest.of(Dataset.SOURCE_MAP, text(dir, "map.csv", """
                raw_source,source,channel
                Podcast Ads,paid_audio,
                Organic Search,seo,inbound
                """)));

        // No channel given and paid_audio is not a canonical source: the channel defaults to inbound.
        assertThat(contactSources()).containsExactly("c1|paid_audio|inbound", "c2|seo|inbound");
        assertThat(rows(warehouse, "SELECT source, channel FROM sessions")).containsExactly("paid_audio|inbound");
        assertThat(rows(warehouse, "SELECT source, channel FROM spend")).containsExactly("paid_audio|inbound");
        assertThat(rows(warehouse, "SELECT source FROM targets")).containsExactly("paid_audio");
        // The raw relation is untouched: the raw source is what the file said.
        assertThat(rows(warehouse, "SELECT source_raw FROM raw_contacts ORDER BY contact_id"))
                .containsExactly("Podcast Ads", "Organic Search");
    }

    @Test
    void laterSourceMapLoadChangesAMappingAgain() throws IOException {
        loader.load(LoadRequest.of(Dataset.SOURCE_MAP, text(dir, "map1.csv", "raw_source,source,channel\nTrade Show,events,\n")));
        contacts("contacts.csv", "Trade Show");
        assertThat(contactSources()).containsExactly("c1|events|outbound");

        loader.load(LoadRequest.of(Dataset.SOURCE_MAP, text(dir, "map2.csv", "raw_source,source,channel\ntrade show,referral,\n")));

        assertThat(contactSources()).containsExactly("c1|referral|inbound");
        assertThat(rows(warehouse, "SELECT raw_source, source FROM source_map")).containsExactly("trade show|referral");
    }

    @Test
    void sourceMapRejectsSourcesThatAreNotIds() throws IOException {
        LoadRejectedException rejected = LoadFixtures.rejected(loader, LoadRequest.of(Dataset.SOURCE_MAP,
                text(dir, "map.csv", "raw_source,source\nPodcast,Paid Audio\n")));

        assertThat(rejected.problems()).extracting(LoadProblem::line, LoadProblem::column, LoadProblem::value, LoadProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "source", "Paid Audio",
                        "'Paid Audio' is not a source id: use lower_snake_case, such as paid_search"));
    }
}

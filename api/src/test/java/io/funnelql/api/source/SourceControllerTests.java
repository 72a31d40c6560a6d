package io.funnelql.api.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;

import io.funnelql.api.workspace.Workspace;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.Loader;
import io.funnelql.warehouse.source.SourceInfo;

@GraphQlTest(SourceController.class)
@Import(SourceControllerTests.TwoSourcesAndAnUnmappedOne.class)
class SourceControllerTests {

    @Autowired
    GraphQlTester graphQl;

    @Test
    void listsEachSourceWithChannelLabelMappingCountsAndRawValues() {
        graphQl.documentName("sources").execute()
                .path("sources").entityList(SourceInfo.class).containsExactly(
                        new SourceInfo("organic_search", "inbound", "Organic search", true, 2, 1,
                                List.of("ORGANIC_SEARCH", "Organic Search")),
                        new SourceInfo("Partner Webinar", "unknown", "Partner Webinar", false, 1, 0,
                                List.of("Partner Webinar")),
                        new SourceInfo("paid_search", "inbound", "Paid search", true, 0, 2, List.of("Paid Search")));
    }

    /** Contacts: two organic search, one from a partner webinar nothing maps; sessions: one organic, two paid. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TwoSourcesAndAnUnmappedOne {

        @Bean
        Workspaces workspaces() throws IOException {
            Warehouse warehouse = TestWarehouses.inMemory();
            load(warehouse, Dataset.CONTACTS, """
                    contact_id,created_at,source
                    c1,2024-06-03,Organic Search
                    c2,2024-06-04,ORGANIC_SEARCH
                    c3,2024-06-05,Partner Webinar
                    """);
            load(warehouse, Dataset.SESSIONS, """
                    session_id,started_at,source
                    s1,2024-06-03,Organic Search
                    s2,2024-06-03,Paid Search
                    s3,2024-06-04,Paid Search
                    """);
            return Workspaces.of(new Workspace(Workspaces.DEFAULT, warehouse));
        }

        static void load(Warehouse warehouse, Dataset dataset, String csv) throws IOException {
            Path file = Files.createTempFile("funnelql-test-" + dataset.id(), ".csv");
            try {
                Files.writeString(file, csv);
                new Loader(warehouse).load(LoadRequest.of(dataset, file));
            } finally {
                Files.delete(file);
            }
        }
    }

    @Test
    void sourcesNeedNoArguments() {
        assertThat(graphQl.document("{ sources { source } }").execute().path("sources").entityList(Object.class).get())
                .hasSize(3);
    }
}

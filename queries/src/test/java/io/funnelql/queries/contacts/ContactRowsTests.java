package io.funnelql.queries.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.DateRange;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

class ContactRowsTests {

    Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults());

    @AfterEach
    void close() {
        warehouse.close();
    }

    List<String> read(ContactRowsQuery query) throws Exception {
        List<String> rows = new ArrayList<>();
        ContactRows.Stream stream = new ContactRows(warehouse).open(query);
        try (AutoCloseable resources = stream.resources()) {
            VectorSchemaRoot root = stream.reader().getVectorSchemaRoot();
            while (stream.reader().loadNextBatch()) {
                for (int i = 0; i < root.getRowCount(); i++) {
                    rows.add(root.getVector("contact_id").getObject(i) + "|" + root.getVector("source").getObject(i));
                }
            }
        }
        return rows;
    }

    @Test
    void anotherThreadCanReadTheStream() throws Exception {
        Fixtures.load(warehouse, Dataset.CONTACTS, "contact_id,created_at,source\nc1,2024-06-01,PAID_SEARCH\n");
        ContactRows.Stream stream = new ContactRows(warehouse).open(ContactRowsQuery.all());
        List<Integer> counts = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (AutoCloseable resources = stream.resources()) {
                while (stream.reader().loadNextBatch()) {
                    counts.add(stream.reader().getVectorSchemaRoot().getRowCount());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        reader.join();

        assertThat(counts).containsExactly(1);
    }

    @Test
    void streamsTheSelectedContacts() throws Exception {
        Fixtures.load(warehouse, Dataset.CONTACTS, """
                contact_id,created_at,source
                c1,2024-06-01,PAID_SEARCH
                c2,2024-06-30T23:30:00Z,ORGANIC_SEARCH
                c3,2024-07-01T02:00:00Z,PAID_SEARCH
                """);

        assertThat(read(ContactRowsQuery.all())).containsExactlyInAnyOrder("c1|paid_search", "c2|organic_search", "c3|paid_search");
        assertThat(read(new ContactRowsQuery(null, List.of("paid_search"), List.of(), null)))
                .containsExactlyInAnyOrder("c1|paid_search", "c3|paid_search");
        // Created in June in New York: c3 (July 1, 02:00 UTC is June 30, 22:00 there) too.
        assertThat(read(new ContactRowsQuery(DateRange.of("2024-06-01", "2024-06-30"), List.of(), List.of(),
                ZoneId.of("America/New_York")))).containsExactlyInAnyOrder("c2|organic_search", "c3|paid_search");
    }
}

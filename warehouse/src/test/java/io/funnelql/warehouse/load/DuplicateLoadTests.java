package io.funnelql.warehouse.load;

import static io.funnelql.warehouse.TestWarehouses.count;
import static io.funnelql.warehouse.TestWarehouses.rows;
import static io.funnelql.warehouse.load.LoadFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;

/** Identical content loaded again into the same dataset with the same mapping is a no-op; nothing else is. */
class DuplicateLoadTests {

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
    void sameContentUnderAnotherNameIsADuplicateAndChangesNothing() throws IOException {
        LoadResult first = loader.load(LoadRequest.of(Dataset.DEALS, text(dir, "deals.csv", "deal_id,amount,closed_at\nd1,10,2024-06-01\n")));
        Map<String, String> before = TestWarehouses.snapshot(warehouse, true);

        LoadResult again = loader.load(LoadRequest.of(Dataset.DEALS, text(dir, "deals (1).csv", "deal_id,amount,closed_at\nd1,10,2024-06-01\n")));

        assertThat(again).isEqualTo(new LoadResult(first.loadId(), Dataset.DEALS, 1, true));
        assertThat(TestWarehouses.snapshot(warehouse, true)).isEqualTo(before);
    }

    @Test
    void sameSizeButDifferentContentIsANewLoad() throws IOException {
        LoadResult first = loader.load(LoadRequest.of(Dataset.DEALS, text(dir, "a.csv", "deal_id,amount,closed_at\nd1,10,2024-06-01\n")));
        Path other = text(dir, "b.csv", "deal_id,amount,closed_at\nd2,20,2024-06-02\n");
        assertThat(Files.size(other)).isEqualTo(Files.size(dir.resolve("a.csv")));

        LoadResult second = loader.load(LoadRequest.of(Dataset.DEALS, other));

        assertThat(second.duplicate()).isFalse();
        assertThat(second.loadId()).isEqualTo(first.loadId() + 1);
        assertThat(rows(warehouse, "SELECT deal_id FROM deals ORDER BY 1")).containsExactly("d1", "d2");
    }

    @Test
    void sameContentIntoAnotherDatasetOrWithAnotherMappingIsANewLoad() throws IOException {
        Path file = text(dir, "ids.csv", "id,createdate,session_id,started_at,source\nx1,2024-06-01,x1,2024-06-01,direct\n");
        loader.load(LoadRequest.of(Dataset.CONTACTS, file));

        LoadResult sessions = loader.load(LoadRequest.of(Dataset.SESSIONS, file));
        LoadResult mapped = loader.load(LoadRequest.of(Dataset.CONTACTS, file)
                .withMapping(HeaderMapping.parse(List.of("created_at=started_at"))));

        assertThat(sessions.duplicate()).isFalse();
        assertThat(mapped.duplicate()).isFalse();
        assertThat(rows(warehouse, "SELECT dataset, mapping, status FROM loads ORDER BY load_id"))
                .containsExactly("contacts||committed", "sessions||committed", "contacts|created_at=started_at|committed");
    }

    @Test
    void rejectedContentIsRejectedAgainNotCalledADuplicate() throws IOException {
        Path bad = text(dir, "bad.csv", "contact_id,created_at\nc1,someday\n");
        LoadFixtures.rejected(loader, LoadRequest.of(Dataset.CONTACTS, bad));

        LoadRejectedException again = LoadFixtures.rejected(loader, LoadRequest.of(Dataset.CONTACTS, bad));

        assertThat(again.problems()).extracting(LoadProblem::value).containsExactly("someday");
        assertThat(rows(warehouse, "SELECT status, byte_count, length(sha256) FROM loads ORDER BY load_id"))
                .containsExactly("failed|33|64", "failed|33|64");
        assertThat(count(warehouse, "SELECT count(*) FROM contacts")).isZero();
    }
}

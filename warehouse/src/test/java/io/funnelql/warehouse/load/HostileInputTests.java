package io.funnelql.warehouse.load;

import static io.funnelql.warehouse.load.LoadFixtures.bytes;
import static io.funnelql.warehouse.load.LoadFixtures.rejected;
import static io.funnelql.warehouse.load.LoadFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;

/**
 * Inputs that make DuckDB's readers fail with long, internal messages: what the user sees (the exception and
 * the load history's error) names the problem in a sentence, without the file's path (a server loads a
 * temporary copy of an upload), DuckDB's option dump, Java stack frames or the offending megabytes.
 */
class HostileInputTests {

    @TempDir
    Path dir;

    Warehouse warehouse;
    Loader loader;
    Map<String, String> before;

    @BeforeEach
    void open() throws IOException {
        warehouse = TestWarehouses.inMemory();
        loader = new Loader(warehouse);
        loader.load(LoadRequest.of(Dataset.CONTACTS, text(dir, "first.csv", "contact_id,created_at\nc0,2024-01-01\n")));
        before = TestWarehouses.snapshot(warehouse, false);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    /** The one problem of a rejected upload, as the user sees it and as the history keeps it. */
    String problem(Dataset dataset, Path file) {
        LoadRejectedException rejected = rejected(loader, new LoadRequest(dataset, file, "upload.csv", HeaderMapping.none()));
        assertThat(TestWarehouses.snapshot(warehouse, false)).isEqualTo(before);
        String history = TestWarehouses.rows(warehouse, "SELECT error FROM loads ORDER BY load_id DESC LIMIT 1").get(0);
        for (String text : new String[] {rejected.getMessage(), history}) {
            assertThat(text).doesNotContain(dir.toString(), "/tmp", "\tat ", "Exception", "strict_mode", "Possible")
                    .hasSizeLessThan(1000);
        }
        assertThat(rejected.problems()).hasSize(1);
        return rejected.problems().get(0).toString();
    }

    @Test
    void anUnclosedQuoteSaysSoWithoutDuckDbsDialectSearch() throws IOException {
        Path file = text(dir, "u1.csv", "contact_id,created_at,company\nc1,2024-06-03,\"Acme\nc2,2024-06-04,Beta\n");

        assertThat(problem(Dataset.CONTACTS, file)).isEqualTo("upload.csv: cannot be read as CSV: its lines do not read as "
                + "one CSV dialect: check for a quoted value that is not closed, lines ending in two ways (CR LF and LF), "
                + "or values separated by something else than the header's delimiter");
    }

    @Test
    void aTenMegabyteValueIsNamedByItsSizeNotQuoted() throws IOException {
        Path file = text(dir, "u2.csv", "contact_id,created_at,company\nc1,2024-06-03," + "x".repeat(10_000_000) + "\n");

        assertThat(problem(Dataset.CONTACTS, file)).isEqualTo("upload.csv: cannot be read as CSV: a line is 10000015 bytes "
                + "long, more than the 2000000 a CSV line may have; is a quoted value left open?");
    }

    @Test
    void aBrokenArrowStreamIsOneSentence() throws IOException {
        Path file = bytes(dir, "u3.arrows", new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 5, 0, 0, 0, 1, 2});

        assertThat(problem(Dataset.CONTACTS, file))
                .isEqualTo("upload.csv: cannot be read as Arrow IPC: Unexpected end of stream trying to read message.");
    }

    @Test
    void aBrokenParquetFileDoesNotNameItsPath() throws IOException {
        Path file = bytes(dir, "u4.parquet", "PAR1 not really PAR1".getBytes(StandardCharsets.US_ASCII));

        assertThat(problem(Dataset.CONTACTS, file)).startsWith("upload.csv: cannot be read as PARQUET: ");
    }

    @Test
    void notANumberAndInfinityAreNoNumbers() throws IOException {
        assertThat(problem(Dataset.METRIC_VALUES, text(dir, "m.csv", "metric,date,value\nrank,2024-06-03,NaN\n")))
                .isEqualTo("upload.csv line 2, column value: 'NaN' is not a number such as 42 or 0.25");
        assertThat(problem(Dataset.TARGETS, text(dir, "t.csv", "metric,period_start,grain,value\nmqls,2024-06-01,MONTH,-Infinity\n")))
                .isEqualTo("upload.csv line 2, column value: '-Infinity' is not a number such as 42 or 0.25");
    }
}

package io.funnelql.warehouse.load;

import static io.funnelql.warehouse.TestWarehouses.rows;
import static io.funnelql.warehouse.load.LoadFixtures.bytes;
import static io.funnelql.warehouse.load.LoadFixtures.parquet;
import static io.funnelql.warehouse.load.LoadFixtures.rejected;
import static io.funnelql.warehouse.load.LoadFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;

/**
 * A load with any problem loads nothing and names every problem with its line (or row), column and value.
 * Every test starts from a warehouse holding contacts and deals and checks that it holds exactly the same
 * rows afterwards; the load history records the failed attempt.
 */
class BadInputTests {

    @TempDir
    Path dir;

    Warehouse warehouse;
    Loader loader;
    Map<String, String> before;

    @BeforeEach
    void open() throws IOException {
        warehouse = TestWarehouses.inMemory();
        loader = new Loader(warehouse);
        loader.load(LoadRequest.of(Dataset.CONTACTS, text(dir, "first.csv", "contact_id,created_at\nc0,2024-01-01\nc1,2024-01-02\n")));
        loader.load(LoadRequest.of(Dataset.DEALS, text(dir, "deals.csv", "deal_id,amount,closed_at\nd0,100,2024-02-01\n")));
        before = TestWarehouses.snapshot(warehouse, false);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    void assertUnchanged() {
        assertThat(TestWarehouses.snapshot(warehouse, false)).isEqualTo(before);
        assertThat(rows(warehouse, "SELECT count(*) FROM raw_contacts")).containsExactly("2");
    }

    @Test
    void missingRequiredColumnIsNamedOnTheHeaderLine() throws IOException {
        LoadRejectedException rejected = rejected(loader, LoadRequest.of(Dataset.DEALS,
                text(dir, "deals.csv", "deal_id,closed_at,status\nd1,2024-06-01,won\n")));

        assertThat(rejected.problems()).extracting(LoadProblem::line, LoadProblem::column, LoadProblem::value)
                .containsExactly(tuple(1L, "amount", null));
        assertThat(rejected.problems().get(0).message())
                .isEqualTo("missing required column amount (header 'amount'); the file's headers are: deal_id, closed_at, status");
        assertUnchanged();
        assertThat(rows(warehouse, "SELECT dataset, status FROM loads ORDER BY load_id DESC LIMIT 1")).containsExactly("deals|failed");
    }

    @Test
    void unparseableDateIsReportedWithLineColumnAndValue() throws IOException {
        LoadRejectedException rejected = rejected(loader, LoadRequest.of(Dataset.CONTACTS, text(dir, "contacts.csv", """
                contact_id,created_at
                c5,2024-06-01
                c6,06/02/2024
                """)));

        assertThat(rejected.problems()).extracting(LoadProblem::line, LoadProblem::row, LoadProblem::column, LoadProblem::value)
                .containsExactly(tuple(3L, 2L, "created_at", "06/02/2024"));
        assertThat(rejected.problems().get(0).toString()).isEqualTo("contacts.csv line 3, column created_at: '06/02/2024' is not "
                + "a date or date-time such as 2024-06-01, 2024-06-01 14:30 or 2024-06-01T14:30:00+02:00");
        assertUnchanged();
    }

    @Test
    void unparseableNumbersAreReportedEach() throws IOException {
        LoadRejectedException rejected = rejected(loader, LoadRequest.of(Dataset.DEALS, text(dir, "deals.csv", """
                deal_id,amount,closed_at,mrr
                d1,"1,200.00",2024-06-01,
                d2,$300,2024-06-02,12
                d3,300,2024-06-03,ten
                """)));

        assertThat(rejected.problems()).extracting(LoadProblem::line, LoadProblem::column, LoadProblem::value)
                .containsExactly(tuple(2L, "amount", "1,200.00"), tuple(3L, "amount", "$300"), tuple(4L, "mrr", "ten"));
        assertThat(rejected.problems().get(0).message()).isEqualTo("'1,200.00' is not a number such as 1200 or 1200.50 "
                + "(no thousands separators or currency signs)");
        assertUnchanged();
    }

    @Test
    void emptyRequiredValueIsReported() throws IOException {
        LoadRejectedException rejected = rejected(loader, LoadRequest.of(Dataset.CONTACTS, text(dir, "contacts.csv", """
                contact_id,created_at
                c5,2024-06-01
                "  ",2024-06-02
                c7,
                """)));

        assertThat(rejected.problems()).extracting(LoadProblem::line, LoadProblem::column, LoadProblem::value, LoadProblem::message)
                .containsExactly(tuple(3L, "contact_id", null, "contact_id is empty; every row needs one"),
                        tuple(4L, "created_at", null, "created_at is empty; every row needs one"));
        assertUnchanged();
    }

    @Test
    void duplicateIdWithinTheFileNamesBothLines() throws IOException {
        LoadRejectedException rejected = rejected(loader, LoadRequest.of(Dataset.CONTACTS, text(dir, "contacts.csv", """
                contact_id,created_at
                c5,2024-06-01
                c6,2024-06-02
                c5,2024-06-03
                """)));

        assertThat(rejected.problems()).extracting(LoadProblem::line, LoadProblem::column, LoadProblem::value)
                .containsExactly(tuple(4L, "contact_id", "c5"));
        assertThat(rejected.problems().get(0).message())
                .isEqualTo("the same contact_id appears earlier in the file (line 2); a file may hold each record once");
        assertUnchanged();
    }

    @Test
    void duplicateCompositeKeyIgnoresCase() throws IOException {
        LoadRejectedException rejected = rejected(loader, LoadRequest.of(Dataset.SPEND, text(dir, "spend.csv", """
                date,source,amount,campaign
                2024-06-01,Paid Search,10,Brand
                2024-06-01,paid search,12,BRAND
                """)));

        assertThat(rejected.problems()).extracting(LoadProblem::line, LoadProblem::column, LoadProblem::value)
                .containsExactly(tuple(3L, "date, source and campaign", "2024-06-01|paid search|brand"));
        assertUnchanged();
    }

    @Test
    void valuesOutsideTheRulesAreReported() throws IOException {
        LoadRejectedException rejected = rejected(loader, LoadRequest.of(Dataset.DEALS, text(dir, "deals.csv", """
                deal_id,amount,closed_at,status
                d1,-5,2024-06-01,won
                d2,5,1899-12-31,won
                d3,5,2024-06-03,pending
                """)));

        assertThat(rejected.problems()).extracting(LoadProblem::line, LoadProblem::column, LoadProblem::value, LoadProblem::message)
                .containsExactly(
                        tuple(2L, "amount", "-5", "'-5' is negative; amount must be zero or more"),
                        tuple(3L, "closed_at", "1899-12-31", "'1899-12-31' is outside the accepted range 1900-01-01 to 2099-12-31"),
                        tuple(4L, "status", "pending", "'pending' is not one of won, lost, open"));
        assertUnchanged();
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        LoadRejectedException rejected = rejected(loader, LoadRequest.of(Dataset.CONTACTS, bytes(dir, "empty.csv", new byte[0])));

        assertThat(rejected.problems()).extracting(LoadProblem::line, LoadProblem::column, LoadProblem::message)
                .containsExactly(tuple(null, null, "the file is empty"));
        assertUnchanged();
    }

    @Test
    void headerWithoutRowsIsRejected() throws IOException {
        LoadRejectedException rejected = rejected(loader, LoadRequest.of(Dataset.CONTACTS,
                text(dir, "header-only.csv", "contact_id,created_at\n")));

        assertThat(rejected.problems()).extracting(LoadProblem::message)
                .containsExactly("the file has a header but no data rows; nothing to load");
        assertUnchanged();
    }

    @Test
    void binaryFileThatIsNeitherCsvNorParquetIsRejected() throws IOException {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};

        LoadRejectedException rejected = rejected(loader, LoadRequest.of(Dataset.CONTACTS, bytes(dir, "contacts.xlsx", zip)));

        assertThat(rejected.problems()).extracting(LoadProblem::file, LoadProblem::message)
                .containsExactly(tuple("contacts.xlsx", "this is not a CSV, Parquet or Arrow file (it holds binary data); "
                        + "export the data as CSV with a header row, or as Parquet"));
        assertUnchanged();
    }

    @Test
    void truncatedParquetIsRejected() throws IOException {
        byte[] broken = {'P', 'A', 'R', '1', 1, 2, 3, 4, 5, 6, 7, 8};

        LoadRejectedException rejected = rejected(loader, LoadRequest.of(Dataset.CONTACTS, bytes(dir, "contacts.parquet", broken)));

        assertThat(rejected.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isNull();
            assertThat(p.message()).startsWith("cannot be read as PARQUET");
        });
        assertUnchanged();
    }

    @Test
    void lineWithTooManyValuesIsReportedWithItsLine() throws IOException {
        LoadRejectedException rejected = rejected(loader, LoadRequest.of(Dataset.CONTACTS, text(dir, "contacts.csv", """
                contact_id,created_at,company
                c5,2024-06-01,Acme
                c6,2024-06-02,Acme, Inc
                c7,2024-06-03,Beta
                """)));

        assertThat(rejected.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3L);
            assertThat(p.value()).isEqualTo("c6,2024-06-02,Acme, Inc");
            assertThat(p.message()).isEqualTo("the line has more values than the header has columns; "
                    + "check the delimiter and that values containing it are quoted");
        });
        assertUnchanged();
    }

    @Test
    void parquetProblemsAreReportedByRow() throws SQLException {
        Path file = parquet(dir, "deals.parquet", """
                SELECT * FROM (VALUES ('d1', 10.0, DATE '2024-06-01'), ('d2', -1.0, DATE '2024-06-02'))
                AS t(deal_id, amount, closed_at)""");

        LoadRejectedException rejected = rejected(loader, LoadRequest.of(Dataset.DEALS, file));

        assertThat(rejected.problems()).extracting(LoadProblem::line, LoadProblem::row, LoadProblem::column, LoadProblem::value)
                .containsExactly(tuple(null, 2L, "amount", "-1.0"));
        assertUnchanged();
    }

    @Test
    void reportsTheFirstHundredProblemsAndTheTrueTotal() throws IOException {
        StringBuilder csv = new StringBuilder("contact_id,created_at\n");
        for (int i = 1; i <= 150; i++) {
            csv.append("c").append(i).append(",not a date ").append(i).append('\n');
        }

        LoadRejectedException rejected = rejected(loader, LoadRequest.of(Dataset.CONTACTS, text(dir, "many.csv", csv.toString())));

        assertThat(rejected.totalProblems()).isEqualTo(150);
        assertThat(rejected.problems()).hasSize(100);
        assertThat(rejected.problems().get(0)).extracting(LoadProblem::line, LoadProblem::value).containsExactly(2L, "not a date 1");
        assertThat(rejected.problems().get(99)).extracting(LoadProblem::line, LoadProblem::value).containsExactly(101L, "not a date 100");
        assertThat(rejected.getMessage()).startsWith("Nothing was loaded: 150 problems found:").endsWith("… and 50 more");
        assertUnchanged();
    }
}

package io.funnelql.warehouse.load;

import static io.funnelql.warehouse.TestWarehouses.rows;
import static io.funnelql.warehouse.load.LoadFixtures.bytes;
import static io.funnelql.warehouse.load.LoadFixtures.parquet;
import static io.funnelql.warehouse.load.LoadFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * Parquet and Arrow IPC stream input with typed columns, and the CSV dialects people export: other
 * delimiters, quoted values, a byte order mark. The workspace is in New York so that a timestamp without
 * zone (read in the workspace zone) and one with a zone (exact) differ visibly.
 */
class InputFormatTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path dir;

    Warehouse warehouse;
    Loader loader;

    @BeforeEach
    void open() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults().withTimeZone(NEW_YORK));
        loader = new Loader(warehouse);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void parquetTimestampWithoutZoneIsReadInWorkspaceZoneAndWithZoneIsExact() throws SQLException {
        Path file = parquet(dir, "contacts.parquet", """
                SELECT * FROM (VALUES
                    (101::BIGINT, TIMESTAMP '2024-07-01 09:00:00', TIMESTAMPTZ '2024-07-02 09:00:00+00', 'Organic Search'),
                    (102::BIGINT, TIMESTAMP '2024-01-15 09:00:00', NULL, NULL))
                AS t("Record ID", "Create Date", mql_at, source)""");

        LoadResult result = loader.load(LoadRequest.of(Dataset.CONTACTS, file));

        assertThat(result.rows()).isEqualTo(2);
        // 09:00 in New York is 13:00Z in summer (EDT, -4) and 14:00Z in winter (EST, -5).
        assertThat(rows(warehouse, """
                SELECT contact_id, CAST(created_at AS VARCHAR), CAST(mql_at AS VARCHAR), source FROM contacts ORDER BY 1"""))
                .containsExactly("101|2024-07-01 13:00:00+00|2024-07-02 09:00:00+00|organic_search",
                        "102|2024-01-15 14:00:00+00|null|unknown");
        assertThat(rows(warehouse, "SELECT format FROM loads")).containsExactly("PARQUET");
    }

    @Test
    void arrowStreamWithTypedTimestampsLoads() throws IOException {
        Path file = dir.resolve("contacts.arrows");
        LocalDateTime created = LocalDateTime.of(2024, 7, 1, 9, 0);
        Instant mql = Instant.parse("2024-07-02T09:00:00Z");
        writeArrowStream(file, List.of("c1", "c2"), List.of(created, created.plusDays(1)), mql, List.of("PAID_SEARCH", "  "));

        LoadResult result = loader.load(LoadRequest.of(Dataset.CONTACTS, file));

        assertThat(result.rows()).isEqualTo(2);
        assertThat(rows(warehouse, """
                SELECT contact_id, CAST(created_at AS VARCHAR), CAST(mql_at AS VARCHAR), source FROM contacts ORDER BY 1"""))
                .containsExactly("c1|2024-07-01 13:00:00+00|2024-07-02 09:00:00+00|paid_search",
                        "c2|2024-07-02 13:00:00+00|null|unknown");
        assertThat(rows(warehouse, "SELECT format FROM loads")).containsExactly("ARROW");
    }

    @Test
    void semicolonDelimitedWithQuotedDelimiter() throws IOException {
        loader.load(LoadRequest.of(Dataset.CONTACTS, text(dir, "semicolon.csv", """
                contact_id;created_at;company
                c1;2024-06-03;"Acme; Inc"
                c2;2024-06-04;Beta
                """)));

        assertThat(rows(warehouse, "SELECT contact_id, company FROM contacts ORDER BY 1"))
                .containsExactly("c1|Acme; Inc", "c2|Beta");
    }

    @Test
    void tabDelimited() throws IOException {
        loader.load(LoadRequest.of(Dataset.CONTACTS, text(dir, "tabs.tsv",
                "contact_id\tcreated_at\tcompany\nc1\t2024-06-03\tAcme, Inc\nc2\t2024-06-04\tBeta\n")));

        assertThat(rows(warehouse, "SELECT contact_id, company FROM contacts ORDER BY 1"))
                .containsExactly("c1|Acme, Inc", "c2|Beta");
    }

    @Test
    void pipeDelimitedWithCommasInValues() throws IOException {
        loader.load(LoadRequest.of(Dataset.CONTACTS, text(dir, "pipes.txt", """
                contact_id|created_at|company
                c1|2024-06-03|Acme, Inc
                """)));

        assertThat(rows(warehouse, "SELECT contact_id, company FROM contacts")).containsExactly("c1|Acme, Inc");
    }

    @Test
    void quotedValuesKeepDelimitersDoubledQuotesAndLineBreaks() throws IOException {
        loader.load(LoadRequest.of(Dataset.CONTACTS, text(dir, "quoted.csv", """
                "contact_id","created_at","company"
                "c1","2024-06-03","Acme, ""The Best"" Inc"
                "c2","2024-06-04","Two
                Lines"
                """)));

        assertThat(rows(warehouse, "SELECT contact_id, company FROM contacts ORDER BY 1"))
                .containsExactly("c1|Acme, \"The Best\" Inc", "c2|Two\nLines");
    }

    /**
     * Values are trimmed of spaces, Unicode ones too (a no-break space pasted from a web page), and a value of
     * spaces only is empty; other characters, tabs among them, are kept. Values without a space at either end
     * are stored as written, non-ASCII ones included.
     */
    @Test
    void valuesAreTrimmedOfSpacesAndBlankValuesAreEmpty() throws IOException {
        loader.load(LoadRequest.of(Dataset.CONTACTS, text(dir, "spaces.csv",
                "contact_id,created_at,company,source\n"
                        + "  c1 , 2024-06-03 ,  Acme  ,\u00a0linkedin\u00a0\n"
                        + "c2,2024-06-04,\u00a0\u3000 ,   \n"
                        + "c3,2024-06-05,\tTabbed\t,Zürich\n")));

        assertThat(rows(warehouse, "SELECT '[' || contact_id || ']', CAST(created_at AS DATE), '[' || company || ']', "
                + "'[' || source_raw || ']', source FROM contacts ORDER BY 1"))
                .containsExactly("[c1]|2024-06-03|[Acme]|[linkedin]|linkedin",
                        "[c2]|2024-06-04|null|null|unknown",
                        "[c3]|2024-06-05|[\tTabbed\t]|[Zürich]|Zürich");
    }

    @Test
    void utf8ByteOrderMarkAndWindowsLineEndingsAreNotPartOfTheHeader() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "contact_id,created_at,company\r\nc1,2024-06-03,Café Zürich\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);

        loader.load(LoadRequest.of(Dataset.CONTACTS, bytes(dir, "excel.csv", content)));

        assertThat(rows(warehouse, "SELECT contact_id, CAST(created_at AS VARCHAR), company FROM contacts"))
                .containsExactly("c1|2024-06-03 04:00:00+00|Café Zürich");
    }

    @Test
    void arrowProblemsAreNumberedByRowAcrossBatches() throws IOException {
        Path file = dir.resolve("batches.arrows");
        Schema schema = new Schema(List.of(Field.nullable("contact_id", new ArrowType.Utf8()),
                Field.nullable("created_at", new ArrowType.Utf8())));
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
             OutputStream out = Files.newOutputStream(file);
             ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
            VarCharVector id = (VarCharVector) root.getVector("contact_id");
            VarCharVector created = (VarCharVector) root.getVector("created_at");
            writer.start();
            for (int batch = 0; batch < 4; batch++) {
                root.allocateNew();
                for (int i = 0; i < 3000; i++) {
                    int row = batch * 3000 + i + 1;
                    id.setSafe(i, ("c" + row).getBytes(StandardCharsets.UTF_8));
                    String date = row == 7777 ? "not a date" : "2024-06-01";
                    created.setSafe(i, date.getBytes(StandardCharsets.UTF_8));
                }
                root.setRowCount(3000);
                writer.writeBatch();
            }
            writer.end();
        }

        LoadRejectedException rejected = LoadFixtures.rejected(loader, LoadRequest.of(Dataset.CONTACTS, file));

        assertThat(rejected.problems()).extracting(LoadProblem::line, LoadProblem::row, LoadProblem::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 7777L, "not a date"));
    }

    /** Writes an Arrow IPC stream: created_at without zone, mql_at in UTC (set on the first row only). */
    private static void writeArrowStream(Path file, List<String> ids, List<LocalDateTime> created, Instant mql,
                                         List<String> sources) throws IOException {
        Schema schema = new Schema(List.of(
                Field.nullable("contact_id", new ArrowType.Utf8()),
                Field.nullable("created_at", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
                new Field("mql_at", FieldType.nullable(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")), null),
                Field.nullable("source", new ArrowType.Utf8())));
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
             OutputStream out = Files.newOutputStream(file);
             ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
            VarCharVector id = (VarCharVector) root.getVector("contact_id");
            TimeStampMicroVector createdAt = (TimeStampMicroVector) root.getVector("created_at");
            TimeStampMicroTZVector mqlAt = (TimeStampMicroTZVector) root.getVector("mql_at");
            VarCharVector source = (VarCharVector) root.getVector("source");
            root.allocateNew();
            for (int i = 0; i < ids.size(); i++) {
                id.setSafe(i, ids.get(i).getBytes(StandardCharsets.UTF_8));
                createdAt.setSafe(i, ChronoUnit.MICROS.between(Instant.EPOCH, created.get(i).toInstant(ZoneOffset.UTC)));
                if (i == 0) {
                    mqlAt.setSafe(i, ChronoUnit.MICROS.between(Instant.EPOCH, mql));
                } else {
                    mqlAt.setNull(i);
                }
                source.setSafe(i, sources.get(i).getBytes(StandardCharsets.UTF_8));
            }
            root.setRowCount(ids.size());
            writer.start();
            writer.writeBatch();
            writer.end();
        }
    }
}

package io.funnelql.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.duckdb.DuckDBResultSet;
import org.jspecify.annotations.Nullable;

import io.funnelql.queries.contacts.ContactRows;
import io.funnelql.queries.contacts.ContactRowsQuery;
import io.funnelql.warehouse.Warehouse;

/**
 * The Arrow export of every contact, {@code POST /api/export/contacts} with
 * {@code Accept: application/vnd.apache.arrow.stream}, read to the end by a client that decodes every batch;
 * and, to show where the time goes, the same rows at each step of the way:
 *
 * <ol>
 *   <li>DuckDB's Arrow export alone, in process ({@link ContactRows}, the export's own query), batches
 *       imported and dropped;
 *   <li>the same, written as an Arrow IPC stream to a byte counter (what the server writes, without HTTP);
 *   <li>over HTTP, the client reading the bytes without decoding them;
 *   <li>over HTTP, the client decoding every batch ({@link ArrowStreamReader}): the figure that counts.
 * </ol>
 *
 * <p>Step 1 is also timed for the export's text columns alone and its other columns alone (the same query
 * with fewer columns), since turning DuckDB's strings into Arrow's is where most of its time goes; and for all
 * the columns with the text columns of at most {@value #FEW_VALUES} distinct values cast to DuckDB ENUMs, which
 * DuckDB exports as dictionary-encoded Arrow columns (a small index per row instead of a copy of the text): what
 * exporting them that way would give.
 */
final class ExportBenchmark {

    static final String ARROW = "application/vnd.apache.arrow.stream";

    /** The most distinct values a text column may have to be timed as an ENUM. */
    static final int FEW_VALUES = 1000;

    /**
     * Timings of each step over the same rows; {@code bytes} is the size of the Arrow stream.
     *
     * @param textColumns the export's text columns, timed alone in {@code text}
     * @param otherColumns the rest (timestamps, numbers), timed alone in {@code other}
     * @param enumColumns the text columns with few distinct values, as ENUMs in {@code enums} (all columns)
     */
    record Result(long rows, long bytes, Samples duckDb, Samples ipc, Samples httpBytes, Samples http,
                  List<String> textColumns, Samples text, List<String> otherColumns, Samples other,
                  List<String> enumColumns, Samples enums) {

        double rowsPerSecond(Samples samples) {
            return rows / samples.medianSeconds();
        }
    }

    private ExportBenchmark() {
    }

    static Result measure(Server server, Http http, int runs) throws Exception {
        Samples duckDb = new Samples();
        Samples ipc = new Samples();
        Samples httpBytes = new Samples();
        Samples httpDecoded = new Samples();
        ContactRows contacts = new ContactRows(server.warehouse());
        List<String> textColumns = new ArrayList<>();
        List<String> otherColumns = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        ContactRows.Stream schema = contacts.open(ContactRowsQuery.all());
        try (AutoCloseable resources = schema.resources()) {
            for (Field field : schema.reader().getVectorSchemaRoot().getSchema().getFields()) {
                (field.getType() instanceof ArrowType.Utf8 ? textColumns : otherColumns).add(field.getName());
                columns.add(field.getName());
            }
        }
        Samples text = new Samples();
        Samples other = new Samples();
        Samples enums = new Samples();
        List<String> enumColumns = new ArrayList<>();
        String enumSelect = enumSelect(server.warehouse(), columns, textColumns, enumColumns);
        long rows = -1;
        long bytes = -1;
        for (int run = 0; run <= runs; run++) {
            boolean timed = run > 0;
            long start = System.nanoTime();
            long read = readInProcess(contacts, null);
            long a = System.nanoTime();
            CountingStream counter = new CountingStream();
            long written = readInProcess(contacts, counter);
            long b = System.nanoTime();
            long received = receiveBytes(http);
            long c = System.nanoTime();
            long decoded = receiveDecoded(http);
            long d = System.nanoTime();
            long textRows = readColumns(server.warehouse(), textColumns);
            long e = System.nanoTime();
            long otherRows = readColumns(server.warehouse(), otherColumns);
            long f = System.nanoTime();
            long enumRows = read(server.warehouse(), enumSelect);
            long g = System.nanoTime();
            if (read != written || read != decoded || read != textRows || read != otherRows || read != enumRows
                    || counter.bytes != received) {
                throw new IllegalStateException("the export paths disagree: " + read + ", " + written + ", " + decoded
                        + " rows; " + counter.bytes + " bytes written, " + received + " received");
            }
            rows = read;
            bytes = received;
            if (timed) {
                duckDb.add(a - start);
                ipc.add(b - a);
                httpBytes.add(c - b);
                httpDecoded.add(d - c);
                text.add(e - d);
                other.add(f - e);
                enums.add(g - f);
            }
        }
        return new Result(rows, bytes, duckDb, ipc, httpBytes, httpDecoded, textColumns, text, otherColumns, other,
                enumColumns, enums);
    }

    /** DuckDB's Arrow export of some of the contacts' columns, batches as large as the export's, dropped. */
    private static long readColumns(Warehouse warehouse, List<String> columns) throws Exception {
        return read(warehouse, "SELECT " + String.join(", ", columns) + " FROM contacts");
    }

    /**
     * The export's {@code columns} in its order, with each text column of at most {@link #FEW_VALUES} distinct
     * values cast to an ENUM of those values (added to {@code enumColumns}).
     */
    private static String enumSelect(Warehouse warehouse, List<String> columns, List<String> textColumns,
                                     List<String> enumColumns) throws Exception {
        List<String> selected = new ArrayList<>();
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            for (String column : columns) {
                String values = null;
                if (textColumns.contains(column)) {
                    String literal = "'''' || replace(" + column + ", '''', '''''') || ''''";
                    try (ResultSet rs = statement.executeQuery("SELECT count(DISTINCT " + column + "), string_agg(DISTINCT "
                            + literal + ", ', ') FROM contacts WHERE " + column + " IS NOT NULL")) {
                        rs.next();
                        values = rs.getLong(1) > 0 && rs.getLong(1) <= FEW_VALUES ? rs.getString(2) : null;
                    }
                }
                if (values == null) {
                    selected.add(column);
                } else {
                    selected.add(column + "::ENUM(" + values + ") AS " + column);
                    enumColumns.add(column);
                }
            }
        }
        return "SELECT " + String.join(", ", selected) + " FROM contacts";
    }

    /** DuckDB's Arrow export of {@code select}, batches as large as the export's, dropped. */
    private static long read(Warehouse warehouse, String select) throws Exception {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
             BufferAllocator allocator = new RootAllocator();
             DuckDBResultSet rs = (DuckDBResultSet) statement.executeQuery(select);
             ArrowReader reader = (ArrowReader) rs.arrowExportStream(allocator, 1 << 17)) {
            long rows = 0;
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
            return rows;
        }
    }

    /** Reads every contact as Arrow batches from DuckDB, writing them as an IPC stream to {@code out} if given. */
    private static long readInProcess(ContactRows contacts, @Nullable OutputStream out) throws Exception {
        ContactRows.Stream stream = contacts.open(ContactRowsQuery.all());
        try (AutoCloseable resources = stream.resources()) {
            ArrowReader reader = stream.reader();
            long rows = 0;
            if (out == null) {
                while (reader.loadNextBatch()) {
                    rows += reader.getVectorSchemaRoot().getRowCount();
                }
                return rows;
            }
            try (ArrowStreamWriter writer = new ArrowStreamWriter(reader.getVectorSchemaRoot(), null, Channels.newChannel(out))) {
                writer.start();
                while (reader.loadNextBatch()) {
                    rows += reader.getVectorSchemaRoot().getRowCount();
                    writer.writeBatch();
                }
                writer.end();
            }
            return rows;
        }
    }

    private static long receiveBytes(Http http) throws IOException {
        try (InputStream body = http.export("contacts", Map.of(), ARROW)) {
            return body.transferTo(new CountingStream());
        }
    }

    private static long receiveDecoded(Http http) throws IOException {
        try (InputStream body = http.export("contacts", Map.of(), ARROW);
             BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new StreamChannel(body), allocator)) {
            long rows = 0;
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
            return rows;
        }
    }

    /**
     * A channel over an input stream that reads up to 1 MB at a time: {@code Channels.newChannel} reads 8 KB at
     * a time, which makes the client's decoding of a large stream slower than the server's writing of it.
     */
    private static final class StreamChannel implements ReadableByteChannel {

        private final InputStream in;
        private final byte[] chunk = new byte[1 << 20];
        private boolean open = true;

        StreamChannel(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            int n = in.read(chunk, 0, Math.min(target.remaining(), chunk.length));
            if (n > 0) {
                target.put(chunk, 0, n);
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            open = false;
            in.close();
        }
    }

    /** Counts the bytes written to it and keeps none. */
    private static final class CountingStream extends OutputStream {

        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}

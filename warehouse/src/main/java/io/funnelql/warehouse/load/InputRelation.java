package io.funnelql.warehouse.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.duckdb.DuckDBConnection;

/**
 * An input file as a relation DuckDB can select from, read by DuckDB's own readers: {@code read_csv}
 * (every column as text, so that each value is checked and reported by FunnelQL, not silently nulled),
 * {@code read_parquet}, and Arrow IPC through the Arrow C data interface.
 *
 * <p>Columns are referred to by position ({@code #1}), never by the file's header text.
 */
final class InputRelation {

    private final InputFormat format;
    private final String fileName;
    private final List<String> headers;
    private final List<String> types;
    private final String from;
    private final List<Object> binds;
    private final String diagnosticFrom;

    private InputRelation(InputFormat format, String fileName, List<String> headers, List<String> types, String from,
                          List<Object> binds, String diagnosticFrom) {
        this.format = format;
        this.fileName = fileName;
        this.headers = List.copyOf(headers);
        this.types = List.copyOf(types);
        this.from = from;
        this.binds = List.copyOf(binds);
        this.diagnosticFrom = diagnosticFrom;
    }

    /**
     * Opens the file on the connection. Arrow input is copied into a temporary table of the connection,
     * because a stream can be read only once and a failed load reads its input twice.
     *
     * @throws LoadRejectedException when DuckDB cannot read the file at all
     */
    static InputRelation open(Connection connection, InputFormat format, Path file, String fileName) throws SQLException {
        String path = file.toAbsolutePath().toString();
        return switch (format) {
            case CSV -> csv(connection, file, path, fileName);
            case PARQUET -> described(connection, format, fileName, "read_parquet(?)", List.of(path), "read_parquet(?)",
                    "read_parquet(?)");
            case ARROW -> arrow(connection, file, fileName);
        };
    }

    private static InputRelation csv(Connection connection, Path file, String path, String fileName) throws SQLException {
        Optional<String> fromHeader = CsvDelimiter.ofHeader(file);
        String delimiter = fromHeader.isPresent() ? fromHeader.get() : sniffedDelimiter(connection, path, fileName);
        // Quoting is RFC 4180 ("a, b" with "" inside); the header is the first line; every value is text.
        String options = "header = true, skip = 0, all_varchar = true, delim = ?, quote = '\"', escape = '\"'";
        String from = "read_csv(?, " + options + ")";
        String diagnostic = "read_csv(?, " + options + ", store_rejects = true, rejects_table = 'load_rejects', "
                + "rejects_scan = 'load_reject_scans', rejects_limit = " + (LoadRejectedException.MAX_PROBLEMS + 1) + ")";
        // The header is read past malformed lines, which the load then reports with their line numbers.
        String describe = "read_csv(?, " + options + ", ignore_errors = true)";
        return described(connection, InputFormat.CSV, fileName, from, List.of(path, delimiter), diagnostic, describe);
    }

    private static String sniffedDelimiter(Connection connection, String path, String fileName) {
        try (PreparedStatement sniff = connection.prepareStatement("SELECT Delimiter FROM sniff_csv(?, quote = '\"')")) {
            sniff.setString(1, path);
            try (ResultSet rs = sniff.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new LoadRejectedException(LoadProblem.ofFile(fileName, "cannot be read as CSV: " + DuckDbMessages.clean(e)));
        }
    }

    private static InputRelation arrow(Connection connection, Path file, String fileName) throws SQLException {
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        try (BufferAllocator allocator = new RootAllocator();
             ArrowReader reader = arrowReader(file, allocator);
             ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
            Data.exportArrayStream(allocator, reader, stream);
            duck.registerArrowStream("load_arrow_stream", stream);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE OR REPLACE TEMP TABLE load_arrow_input AS SELECT * FROM load_arrow_stream");
            }
        } catch (IOException | RuntimeException e) {
            throw new LoadRejectedException(LoadProblem.ofFile(fileName,
                    "cannot be read as Arrow IPC: " + DuckDbMessages.clean(String.valueOf(e.getMessage()))));
        } catch (SQLException e) {
            throw new LoadRejectedException(LoadProblem.ofFile(fileName,
                    "cannot be read as Arrow IPC: " + DuckDbMessages.clean(e)));
        }
        return described(connection, InputFormat.ARROW, fileName, "load_arrow_input", List.of(), "load_arrow_input",
                "load_arrow_input");
    }

    private static ArrowReader arrowReader(Path file, BufferAllocator allocator) throws IOException {
        boolean fileFormat;
        try (InputStream in = Files.newInputStream(file)) {
            fileFormat = new String(in.readNBytes(6), StandardCharsets.US_ASCII).equals("ARROW1");
        }
        return fileFormat
                ? new ArrowFileReader(Files.newByteChannel(file), allocator)
                : new ArrowStreamReader(Files.newInputStream(file), allocator);
    }

    private static InputRelation described(Connection connection, InputFormat format, String fileName, String from,
                                           List<Object> binds, String diagnosticFrom, String describeFrom) {
        List<String> headers = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (PreparedStatement describe = connection.prepareStatement("DESCRIBE SELECT * FROM " + describeFrom)) {
            bind(describe, binds);
            try (ResultSet rs = describe.executeQuery()) {
                while (rs.next()) {
                    headers.add(rs.getString("column_name"));
                    types.add(rs.getString("column_type"));
                }
            }
        } catch (SQLException e) {
            throw new LoadRejectedException(LoadProblem.ofFile(fileName,
                    "cannot be read as " + format + ": " + DuckDbMessages.clean(e)));
        }
        return new InputRelation(format, fileName, headers, types, from, binds, diagnosticFrom);
    }

    static void bind(PreparedStatement statement, List<Object> binds) throws SQLException {
        for (int i = 0; i < binds.size(); i++) {
            statement.setObject(i + 1, binds.get(i));
        }
    }

    InputFormat format() {
        return format;
    }

    String fileName() {
        return fileName;
    }

    /** The file's column names, in file order, as the reader reports them. */
    List<String> headers() {
        return headers;
    }

    /** True when the column at this (0-based) position is read as text. */
    boolean isText(int position) {
        return types.get(position).equals("VARCHAR");
    }

    /** The relation to select from, with {@link #binds()} for its placeholders. */
    String from() {
        return from;
    }

    /** Like {@link #from()}, but a CSV read keeps going past malformed lines and records them in {@code load_rejects}. */
    String diagnosticFrom() {
        return diagnosticFrom;
    }

    List<Object> binds() {
        return binds;
    }

    boolean hasLines() {
        return format == InputFormat.CSV;
    }
}

package io.funnelql.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/** Writes small test files in the formats a load reads; columns are text. */
public final class UploadFiles {

    private UploadFiles() {
    }

    /** A Parquet file with the rows of {@code csv} (header first), written by DuckDB. */
    public static Path parquet(Path file, String csv) throws IOException, SQLException {
        Path source = Files.writeString(file.resolveSibling(file.getFileName() + ".csv"), csv);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + quote(source) + "', all_varchar = true)) TO '"
                    + quote(file) + "' (FORMAT parquet)");
        }
        return file;
    }

    /** An Arrow IPC stream with the rows of {@code csv} (header first, no quoting), written by Arrow Java. */
    public static byte[] arrowStream(String csv) throws IOException {
        List<String[]> lines = csv.lines().map(line -> line.split(",", -1)).toList();
        String[] header = lines.get(0);
        try (BufferAllocator allocator = new RootAllocator()) {
            List<VarCharVector> vectors = new ArrayList<>();
            for (String name : header) {
                VarCharVector vector = new VarCharVector(name, allocator);
                vector.allocateNew(lines.size());
                for (int row = 1; row < lines.size(); row++) {
                    vector.setSafe(row - 1, lines.get(row)[vectors.size()].getBytes(StandardCharsets.UTF_8));
                }
                vector.setValueCount(lines.size() - 1);
                vectors.add(vector);
            }
            try (VectorSchemaRoot root = new VectorSchemaRoot(new ArrayList<>(vectors));
                 java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream()) {
                root.setRowCount(lines.size() - 1);
                write(root, bytes);
                return bytes.toByteArray();
            }
        }
    }

    private static void write(VectorSchemaRoot root, OutputStream out) throws IOException {
        try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
            writer.start();
            writer.writeBatch();
            writer.end();
        }
    }

    private static String quote(Path path) {
        return path.toAbsolutePath().toString().replace("'", "''");
    }
}

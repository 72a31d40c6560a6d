package io.funnelql.warehouse.load;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Writes the files that loader tests load, and runs loads expected to be rejected. */
final class LoadFixtures {

    private LoadFixtures() {
    }

    static Path text(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static Path bytes(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /**
     * A Parquet file holding the rows of {@code select}, written by DuckDB itself (in its own in-memory
     * database, UTC) so that the column types are real Parquet types.
     */
    static Path parquet(Path dir, String name, String select) throws SQLException {
        Path file = dir.resolve(name).toAbsolutePath();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            // COPY ... TO takes no parameter for its target; the path is a temporary directory's.
            statement.execute("COPY (" + select + ") TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        return file;
    }

    static LoadRejectedException rejected(Loader loader, LoadRequest request) {
        return assertThrows(LoadRejectedException.class, () -> loader.load(request));
    }
}

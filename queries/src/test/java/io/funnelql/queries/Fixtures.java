package io.funnelql.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.LoadResult;
import io.funnelql.warehouse.load.Loader;

/** Loads small hand-written CSV fixtures into a real warehouse, as a user would. */
public final class Fixtures {

    private Fixtures() {
    }

    public static LoadResult load(Warehouse warehouse, Dataset dataset, String csv) {
        try {
            Path file = Files.createTempFile("fixture-" + dataset.id(), ".csv");
            try {
                Files.writeString(file, csv);
                return new Loader(warehouse).load(LoadRequest.of(dataset, file));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one statement on the warehouse, for tests that look into or tamper with derived tables. */
    public static void execute(Warehouse warehouse, String sql) {
        try (java.sql.Connection connection = warehouse.connect(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

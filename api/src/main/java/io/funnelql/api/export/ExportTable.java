package io.funnelql.api.export;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * What an export writes: rows made in Java (a report's answer), or Arrow batches straight from DuckDB
 * (row-level data), which are streamed without being held whole in memory.
 */
public sealed interface ExportTable extends AutoCloseable {

    /** A report's rows; each row holds one value per column, typed as {@link ExportColumn} says. */
    record Rows(List<ExportColumn> columns, Iterator<Object[]> rows) implements ExportTable {

        public Rows {
            columns = List.copyOf(columns);
            Objects.requireNonNull(rows, "rows");
        }

        @Override
        public void close() {
        }
    }

    /**
     * Arrow batches from DuckDB's Arrow export; {@code resources} own the reader and what is behind it (the
     * statement, connection and allocator) and close them all with the table.
     */
    record Batches(ArrowReader reader, AutoCloseable resources) implements ExportTable {

        @Override
        public void close() throws Exception {
            resources.close();
        }
    }
}

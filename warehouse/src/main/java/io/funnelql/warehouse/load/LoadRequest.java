package io.funnelql.warehouse.load;

import java.nio.file.Path;
import java.util.Objects;

import io.funnelql.warehouse.Dataset;

/**
 * A file to load into a dataset.
 *
 * @param dataset where the rows go
 * @param file the file to read (CSV, Parquet or Arrow IPC; the format is detected from the content)
 * @param fileName the name to report in errors and the load history (an upload's original name)
 * @param mapping the user's header names for canonical columns, if any
 */
public record LoadRequest(Dataset dataset, Path file, String fileName, HeaderMapping mapping) {

    public LoadRequest {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mapping, "mapping");
    }

    public static LoadRequest of(Dataset dataset, Path file) {
        Path name = file.getFileName();
        return new LoadRequest(dataset, file, name == null ? file.toString() : name.toString(), HeaderMapping.none());
    }

    public LoadRequest withMapping(HeaderMapping mapping) {
        return new LoadRequest(dataset, file, fileName, mapping);
    }
}

package io.funnelql.warehouse.history;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the load history.
 *
 * @param loadId the load's id; rows it brought carry it
 * @param dataset the dataset's id ({@code contacts})
 * @param fileName the file as the user named it
 * @param format CSV, PARQUET, ARROW or GENERATED
 * @param sha256 the content's SHA-256 (hex)
 * @param rows rows committed; {@code null} unless committed
 * @param startedAt when the load started
 * @param committedAt when it committed; {@code null} unless committed
 * @param status running, committed or failed
 * @param error why it failed; {@code null} unless failed
 */
public record LoadRecord(long loadId, String dataset, String fileName, String format, String sha256,
                         @Nullable Long rows, Instant startedAt, @Nullable Instant committedAt, LoadStatus status,
                         @Nullable String error) {

    public LoadRecord {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
    }
}

package io.funnelql.queries.targets;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.warehouse.Warehouse;

/**
 * A warehouse's current targets, read once per data version instead of once per report: a report reads them
 * whether or not its answer shows them, and on a dashboard that is a statement per request for a table that
 * changes only with a load. Targets as known at an instant ({@code knownAt}) are read every time.
 *
 * <p>Call {@link #read} on a reader connection ({@link Warehouse#reader()}): under its lock the data version
 * is exactly that of the data read, since a load moves the version on before it lets readers in again.
 */
public final class CurrentTargets {

    private record Entry(long dataVersion, TargetBook book) {
    }

    private final Warehouse warehouse;
    private volatile @Nullable Entry last;

    public CurrentTargets(Warehouse warehouse) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    }

    /** The targets as known at {@code knownAt}, or the current ones when it is null. */
    public TargetBook read(Connection reader, @Nullable Instant knownAt) throws SQLException {
        if (knownAt != null) {
            return TargetBook.read(reader, knownAt);
        }
        long version = warehouse.dataVersion();
        Entry entry = last;
        if (entry != null && entry.dataVersion() == version) {
            return entry.book();
        }
        TargetBook book = TargetBook.read(reader, null);
        last = new Entry(version, book);
        return book;
    }
}

package io.funnelql.queries.targets;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.funnelql.warehouse.PerDataVersion;
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

    private final PerDataVersion<TargetBook> current;

    public CurrentTargets(Warehouse warehouse) {
        this.current = new PerDataVersion<>(warehouse);
    }

    /** The targets as known at {@code knownAt}, or the current ones when it is null. */
    public TargetBook read(Connection reader, @Nullable Instant knownAt) throws SQLException {
        if (knownAt != null) {
            return TargetBook.read(reader, knownAt);
        }
        return current.get(() -> TargetBook.read(reader, null));
    }
}

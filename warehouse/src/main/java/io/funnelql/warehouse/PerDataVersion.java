package io.funnelql.warehouse;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A value read from a warehouse's data, kept until a committed load moves its {@linkplain Warehouse#dataVersion()
 * data version} on: known sources, the latest dates, the current targets. Read again at most once per load
 * (two readers racing after a load may both read; either value is right).
 *
 * @param <T> the value
 */
public final class PerDataVersion<T> {

    /** Reads the value from the warehouse, throwing what it throws. */
    @FunctionalInterface
    public interface Reader<T, E extends Exception> {
        T read() throws E;
    }

    private record Entry<T>(long version, T value) {
    }

    private final Warehouse warehouse;
    private volatile @Nullable Entry<T> entry;

    public PerDataVersion(Warehouse warehouse) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    }

    /** The value for the current data version, from {@code reader} if this version has none yet. */
    public <E extends Exception> T get(Reader<T, E> reader) throws E {
        long version = warehouse.dataVersion();
        Entry<T> current = entry;
        if (current != null && current.version() == version) {
            return current.value();
        }
        T value = reader.read();
        entry = new Entry<>(version, value);
        return value;
    }
}

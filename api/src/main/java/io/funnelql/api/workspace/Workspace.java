package io.funnelql.api.workspace;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import io.funnelql.warehouse.Warehouse;

/**
 * One workspace: a warehouse (one DuckDB file) and the services that work on it.
 *
 * <p>Services are made once per workspace and kept ({@link #service}), so that each workspace has its own
 * loader, history, catalogs and, later, caches. Closing the workspace closes its warehouse and then runs
 * its clean-up (a demo workspace deletes its temporary file).
 */
public final class Workspace implements AutoCloseable {

    private final String name;
    private final Warehouse warehouse;
    private final Runnable cleanUp;
    private final ConcurrentMap<Class<?>, Object> services = new ConcurrentHashMap<>();

    /**
     * @param name the workspace's name ({@value Workspaces#DEFAULT}, or one of {@code funnelql.workspaces})
     * @param warehouse the open warehouse, closed with the workspace
     * @param cleanUp runs after the warehouse is closed
     */
    public Workspace(String name, Warehouse warehouse, Runnable cleanUp) {
        this.name = Objects.requireNonNull(name, "name");
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.cleanUp = Objects.requireNonNull(cleanUp, "cleanUp");
    }

    public Workspace(String name, Warehouse warehouse) {
        this(name, warehouse, () -> { });
    }

    public String name() {
        return name;
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    /**
     * This workspace's instance of a service over its warehouse, made by {@code factory} on first use.
     *
     * @param type the service's class; one instance per class and workspace
     * @param factory makes the service for this workspace's warehouse ({@code Loader::new})
     */
    public <T> T service(Class<T> type, Function<Warehouse, T> factory) {
        return type.cast(services.computeIfAbsent(type, t -> factory.apply(warehouse)));
    }

    @Override
    public void close() {
        try {
            warehouse.close();
        } finally {
            cleanUp.run();
        }
    }

    @Override
    public String toString() {
        return "workspace '" + name + "'";
    }
}

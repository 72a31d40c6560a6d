package io.funnelql.warehouse.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;
import io.funnelql.warehouse.load.LoadResult;
import io.funnelql.warehouse.load.Loader;

/**
 * Fills a warehouse with deterministic synthetic data: a B2B SaaS company's three years of contacts,
 * sessions, deals, spend, targets, weekly metric values and source mappings (see docs/demo-data.md).
 *
 * <p>Each dataset is one SQL statement inside DuckDB, run in parallel over a scratch table of row numbers
 * ({@link RowNumbers}), and goes in as one load through {@link Loader#loadQuery}, with the same history and current-state handling as a
 * file: the load history lists them with format {@code GENERATED} and a label such as
 * {@code generated:contacts seed=42}. Random numbers are hashes of (seed, row, purpose), so the same
 * spec in the same workspace time zone gives the same rows in every table, and generating it again is a
 * duplicate no-op. Deals and targets are derived from the contacts, sessions and spend just loaded.
 *
 * <p>Meant for a new warehouse (the demo, benchmarks): generated records replace records with the same
 * ids, and a smaller spec does not remove the extra records of a larger one generated before.
 */
public final class Generator {

    /**
     * Part of every load's fingerprint: bump it whenever the generated data changes for a given spec
     * (a new rate, a new column), so that regenerating loads the new data instead of answering
     * "duplicate".
     */
    static final String VERSION = "1";

    public Generator() {
    }

    /**
     * Generates every dataset for {@code spec} into {@code warehouse}, one load per dataset.
     *
     * @return the loads in the order they ran (source map, contacts, sessions, deals, spend, metric
     *         values, targets) and the time taken
     * @throws io.funnelql.warehouse.WarehouseException if a load fails; the datasets loaded before it stay
     */
    public GenerationReport generate(Warehouse warehouse, GeneratorSpec spec) {
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(spec, "spec");
        long started = System.nanoTime();
        Plan plan = new Plan(spec);
        String context = "zone=" + warehouse.settings().timeZone().getId() + " engine=" + engineVersion(warehouse);
        List<LoadResult> loads;
        // Held for the whole generation (the loader takes it again, it is reentrant) so that no other
        // load lands between the datasets that deals and targets are derived from.
        warehouse.writeLock().lock();
        try {
            RowNumbers numbers = RowNumbers.create(warehouse, plan.rowNumbers());
            try {
                loads = loadAll(new Loader(warehouse), plan, context);
            } finally {
                numbers.close();
            }
        } finally {
            warehouse.writeLock().unlock();
        }
        return new GenerationReport(loads, Duration.ofNanos(System.nanoTime() - started));
    }

    private static List<LoadResult> loadAll(Loader loader, Plan plan, String context) {
        GeneratorSpec spec = plan.spec();
        List<LoadResult> loads = new ArrayList<>();
        // The source map goes first, so that the other datasets' sources are normalised as they load.
        loads.add(load(loader, Dataset.SOURCE_MAP, SourceMapSql.query(plan), spec, context));
        LoadResult contacts = load(loader, Dataset.CONTACTS, ContactSql.query(plan), spec, context);
        loads.add(contacts);
        LoadResult sessions = load(loader, Dataset.SESSIONS, SessionSql.query(plan), spec, context);
        loads.add(sessions);
        LoadResult deals = load(loader, Dataset.DEALS, DealSql.query(plan, contacts.loadId()), spec, context);
        loads.add(deals);
        LoadResult spend = load(loader, Dataset.SPEND, SpendSql.query(plan), spec, context);
        loads.add(spend);
        loads.add(load(loader, Dataset.METRIC_VALUES, MetricValueSql.query(plan), spec, context));
        loads.add(load(loader, Dataset.TARGETS,
                TargetSql.query(plan, contacts.loadId(), sessions.loadId(), deals.loadId(), spend.loadId()), spec, context));
        return loads;
    }

    private static LoadResult load(Loader loader, Dataset dataset, String query, GeneratorSpec spec, String context) {
        return loader.loadQuery(dataset, query, label(dataset, spec), fingerprint(dataset, spec, context));
    }

    /** DuckDB's version: its {@code hash} function is part of what the data depends on. */
    private static String engineVersion(Warehouse warehouse) {
        try (Connection connection = warehouse.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT library_version FROM pragma_version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read the DuckDB version of warehouse " + warehouse.describe() + ": " + e.getMessage(), e);
        }
    }

    /** What the load history shows as the file name: {@code generated:contacts seed=42}. */
    static String label(Dataset dataset, GeneratorSpec spec) {
        return "generated:" + dataset.id() + " seed=" + spec.seed();
    }

    /**
     * Everything the generated rows depend on: the spec, this generator's version and the context (the
     * workspace time zone, since the same spec read in another zone gives other instants, and DuckDB's
     * version, since its {@code hash} may change between releases).
     */
    static String fingerprint(Dataset dataset, GeneratorSpec spec, String context) {
        return "funnelql-generator/" + VERSION + " dataset=" + dataset.id() + " contacts=" + spec.contacts()
                + " sessions=" + spec.sessions() + " seed=" + spec.seed() + " until=" + spec.until() + " " + context;
    }
}

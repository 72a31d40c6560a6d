package io.funnelql.warehouse.load;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;
import io.funnelql.warehouse.load.HeaderResolver.Binding;
import io.funnelql.warehouse.rollup.FunnelRollups;
import io.funnelql.warehouse.rollup.RevenueRollups;
import io.funnelql.warehouse.rollup.SessionRollups;

/**
 * Loads files into a warehouse: all of a file's rows or none.
 *
 * <p>A load reads the file with DuckDB's own readers and, in one transaction, adds its rows stamped with a
 * new {@code load_id} as the current versions of their records; the versions they replace move to the
 * superseded table, so the raw relation keeps every version. If anything is wrong with the input, nothing
 * is kept and {@link LoadRejectedException} lists every problem with its line and column. Identical
 * content loaded again into the same dataset is a no-op answered as a duplicate. Loads into one warehouse
 * run one at a time.
 */
public final class Loader {

    private static final Logger log = LoggerFactory.getLogger(Loader.class);

    private final Warehouse warehouse;

    public Loader(Warehouse warehouse) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    }

    /**
     * Loads one file.
     *
     * @throws LoadRejectedException when the input has problems; the warehouse is unchanged
     * @throws WarehouseException when the load failed for another reason; the warehouse is unchanged
     */
    public LoadResult load(LoadRequest request) {
        try {
            return loadFile(request);
        } catch (LoadRejectedException e) {
            throw withoutPath(e, request);
        }
    }

    private LoadResult loadFile(LoadRequest request) {
        long started = System.nanoTime();
        Dataset dataset = request.dataset();
        InputFormat format = InputFormat.detect(request.file(), request.fileName());
        long bytes = size(request.file());
        ContentDigest digest = ContentDigest.of(request.file());
        String mapping = request.mapping().describe();
        warehouse.writeLock().lock();
        try (Connection connection = warehouse.connect()) {
            // Only content of a size loaded before can be a duplicate; otherwise the digest is not waited for.
            if (LoadsTable.maybeDuplicate(connection, dataset, mapping, bytes)) {
                Optional<LoadResult> duplicate = LoadsTable.findDuplicate(connection, dataset, digest.hex(), mapping);
                if (duplicate.isPresent()) {
                    return duplicate.get();
                }
            }
            long loadId = LoadsTable.begin(connection, dataset, request.fileName(), format.name(), "", mapping, bytes);
            try {
                long rows = run(connection, request, format, loadId, digest);
                log.debug("Loaded {} rows of {} into {} in {} ms", rows, request.fileName(), dataset.id(),
                        (System.nanoTime() - started) / 1_000_000);
                return new LoadResult(loadId, dataset, rows, false);
            } catch (LoadRejectedException e) {
                LoadRejectedException problems = withoutPath(e, request);
                LoadsTable.fail(connection, loadId, String.valueOf(problems.getMessage()), digestIfReadable(digest));
                throw problems;
            } catch (SQLException | RuntimeException e) {
                String message = withoutPath(e instanceof SQLException sql ? DuckDbMessages.clean(sql)
                        : String.valueOf(e.getMessage()), request);
                LoadsTable.fail(connection, loadId, message, digestIfReadable(digest));
                throw e instanceof WarehouseException w ? w
                        : new WarehouseException("Loading " + request.fileName() + " failed, nothing was loaded: " + message, e);
            }
        } catch (SQLException e) {
            throw new WarehouseException("Loading " + request.fileName() + " failed: " + DuckDbMessages.clean(e), e);
        } finally {
            warehouse.writeLock().unlock();
        }
    }

    /**
     * Loads the rows of a query that FunnelQL itself wrote (the synthetic data generator), with the same
     * history, raw and current handling as a file. The query must produce every stored column of the
     * dataset by name, with valid values and unique keys; it is trusted and not checked row by row.
     *
     * @param label what the load history shows as the file name ({@code generated:seed=42})
     * @param fingerprint identifies the content for duplicate detection (the generator's parameters)
     */
    public LoadResult loadQuery(Dataset dataset, String query, String label, String fingerprint) {
        warehouse.writeLock().lock();
        try (Connection connection = warehouse.connect()) {
            String sha256 = ContentDigest.ofText(fingerprint).hex();
            Optional<LoadResult> duplicate = LoadsTable.findDuplicate(connection, dataset, sha256, "");
            if (duplicate.isPresent()) {
                return duplicate.get();
            }
            long loadId = LoadsTable.begin(connection, dataset, label, "GENERATED", sha256, "", null);
            try {
                prepareSession(connection, false);
                boolean replacing = !LoadSql.isEmpty(connection, dataset);
                connection.setAutoCommit(false);
                long rows = LoadSql.insertFromQuery(connection, dataset, query, loadId);
                finish(connection, dataset, loadId, replacing);
                LoadsTable.commit(connection, warehouse, loadId, rows, sha256);
                return new LoadResult(loadId, dataset, rows, false);
            } catch (SQLException | RuntimeException e) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                String message = e instanceof SQLException sql ? DuckDbMessages.clean(sql) : String.valueOf(e.getMessage());
                LoadsTable.fail(connection, loadId, message, sha256);
                throw new WarehouseException("Generating " + dataset.id() + " failed, nothing was loaded: " + message, e);
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new WarehouseException("Generating " + dataset.id() + " failed: " + DuckDbMessages.clean(e), e);
        } finally {
            warehouse.writeLock().unlock();
        }
    }

    private long run(Connection connection, LoadRequest request, InputFormat format, long loadId, ContentDigest digest)
            throws SQLException {
        Dataset dataset = request.dataset();
        // Opened outside the load's transaction (an Arrow input's temporary copy must outlive a rollback) and
        // in file order (a diagnosis numbers the copy's rows).
        prepareSession(connection, true);
        InputRelation input = InputRelation.open(connection, format, request.file(), request.fileName());
        List<Binding> bindings = HeaderResolver.resolve(dataset, input.headers(), request.mapping(), request.fileName(),
                input.hasLines() ? Long.valueOf(1) : null);
        boolean replacing = !LoadSql.isEmpty(connection, dataset);
        prepareSession(connection, false);
        connection.setAutoCommit(false);
        try {
            long rows;
            try {
                rows = LoadSql.insertFromInput(connection, dataset, input, bindings, loadId);
                if (rows > 1 && LoadSql.hasRepeatedKeys(connection, dataset, loadId)) {
                    throw new SQLException("the input repeats a key");
                }
            } catch (SQLException failed) {
                connection.rollback();
                // Outside any transaction, so the diagnostic copy numbers its rows from 0.
                connection.setAutoCommit(true);
                prepareSession(connection, true);
                LoadRejectedException problems = Diagnosis.diagnose(connection, dataset, input, bindings, request.file());
                if (problems.totalProblems() > 0) {
                    throw problems;
                }
                throw failed;
            }
            if (rows == 0) {
                throw new LoadRejectedException(LoadProblem.ofFile(request.fileName(),
                        "the file has a header but no data rows; nothing to load"));
            }
            finish(connection, dataset, loadId, replacing);
            LoadsTable.commit(connection, warehouse, loadId, rows, digest.hex());
            return rows;
        } catch (SQLException | RuntimeException e) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Brings the rollups up to date, retires the versions the load replaced and, for a new source map,
     * re-normalises every source (and rebuilds the rollups, which are per source).
     */
    private void finish(Connection connection, Dataset dataset, long loadId, boolean replacing) throws SQLException {
        if (dataset == Dataset.CONTACTS) {
            FunnelRollups.apply(connection, warehouse.settings().timeZone(), loadId, replacing);
        }
        if (dataset == Dataset.SESSIONS) {
            SessionRollups.apply(connection, warehouse.settings().timeZone(), loadId, replacing);
        }
        if (replacing) {
            LoadSql.supersede(connection, dataset, loadId);
        }
        if (dataset == Dataset.SOURCE_MAP) {
            LoadSql.renormaliseSources(connection);
            FunnelRollups.rebuild(connection, warehouse.settings().timeZone());
            SessionRollups.rebuild(connection, warehouse.settings().timeZone());
        }
        RevenueRollups.refresh(connection, warehouse.settings().timeZone(), dataset, loadId);
    }

    /**
     * Reads values in the workspace time zone. The fast path lets DuckDB write rows in any order (tables
     * have none, and writing in parallel is faster); a diagnosis needs file order to number lines.
     */
    private void prepareSession(Connection connection, boolean fileOrder) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // A ZoneId's text is letters, digits and / _ + - only.
            statement.execute("SET TimeZone = '" + warehouse.settings().timeZone().getId() + "'");
            statement.execute(fileOrder ? "SET SESSION preserve_insertion_order = true"
                    : "SET SESSION preserve_insertion_order = false");
        }
    }

    /**
     * The problems with the file's path replaced by the name the user knows it by: the file may be a server's
     * temporary copy of an upload, whose path is nobody's business.
     */
    private static LoadRejectedException withoutPath(LoadRejectedException e, LoadRequest request) {
        List<LoadProblem> problems = e.problems().stream()
                .map(p -> new LoadProblem(p.file(), p.line(), p.row(), p.column(), p.value(), withoutPath(p.message(), request)))
                .toList();
        return new LoadRejectedException(problems, e.totalProblems());
    }

    private static String withoutPath(String message, LoadRequest request) {
        Path absolute = request.file().toAbsolutePath();
        String cleaned = message.replace(absolute.toString(), request.fileName())
                .replace(request.file().toString(), request.fileName());
        Path directory = absolute.getParent();
        return directory == null ? cleaned : cleaned.replace(directory + File.separator, "").replace(directory.toString(), "");
    }

    private static String digestIfReadable(ContentDigest digest) {
        try {
            return digest.hex();
        } catch (WarehouseException e) {
            return "";
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new WarehouseException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

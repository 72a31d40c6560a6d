package io.funnelql.queries.contacts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

import io.funnelql.queries.engine.DuckDbDialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.report.KnownSources;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * The current contacts as Arrow batches straight from DuckDB's Arrow export: nothing is copied row by row
 * in Java, and nothing is held whole in memory. E-mail addresses are left out of exports.
 */
public final class ContactRows {

    /** Rows per Arrow batch. */
    static final long BATCH_ROWS = 1 << 17;

    static final String COLUMNS = """
            contact_id, created_at, source, channel, source_raw, source_detail, company, lifecycle_stage,
            subscriber_at, lead_at, mql_at, sql_at, opportunity_at, customer_at, evangelist_at, updated_at, load_id""";

    private final Warehouse warehouse;
    private final KnownSources knownSources;

    public ContactRows(Warehouse warehouse) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.knownSources = new KnownSources(warehouse);
    }

    /** An open stream of batches; closing it closes the reader and the connection behind it. */
    public record Stream(ArrowReader reader, AutoCloseable resources) {
    }

    /**
     * Opens the export of the contacts {@code query} selects, in storage order (by load).
     *
     * @throws io.funnelql.queries.report.BadQueryException for an unknown source or channel
     */
    public Stream open(ContactRowsQuery query) {
        knownSources.check(query.sources(), query.channels());
        Parameters parameters = new Parameters(DuckDbDialect.INSTANCE);
        StringBuilder where = new StringBuilder(" WHERE true");
        if (query.created() != null) {
            ZoneId zone = query.timeZone() == null ? warehouse.settings().timeZone() : query.timeZone();
            where.append(" AND created_at >= ").append(parameters.add(instant(query.created().from().atStartOfDay(zone).toOffsetDateTime())))
                    .append(" AND created_at < ").append(parameters.add(instant(query.created().to().plusDays(1).atStartOfDay(zone).toOffsetDateTime())));
        }
        if (!query.sources().isEmpty()) {
            where.append(" AND source IN (").append(query.sources().stream().map(parameters::add).collect(Collectors.joining(", "))).append(")");
        }
        if (!query.channels().isEmpty()) {
            where.append(" AND channel IN (").append(query.channels().stream().map(parameters::add).collect(Collectors.joining(", "))).append(")");
        }
        // In storage order: sorting millions of rows would cost more than the export itself.
        String sql = "SELECT " + COLUMNS + " FROM contacts" + where;
        // Not a reader connection: the stream is read, and closed, on another thread than this one. The query
        // runs whole inside executeQuery (DuckDB materialises JDBC results), so the read lock spans just that.
        Connection connection = warehouse.connect();
        BufferAllocator allocator = new RootAllocator();
        try {
            PreparedStatement statement = connection.prepareStatement(sql);
            parameters.bind(statement);
            DuckDBResultSet rs;
            warehouse.readLock().lock();
            try {
                rs = (DuckDBResultSet) statement.executeQuery();
            } finally {
                warehouse.readLock().unlock();
            }
            ArrowReader reader = (ArrowReader) rs.arrowExportStream(allocator, BATCH_ROWS);
            return new Stream(reader, () -> {
                try (allocator; connection; statement; rs) {
                    reader.close();
                }
            });
        } catch (SQLException | RuntimeException e) {
            try (allocator; connection) {
                throw new WarehouseException("The contacts export failed: " + e.getMessage(), e);
            } catch (SQLException closing) {
                throw new WarehouseException("The contacts export failed: " + e.getMessage(), e);
            }
        }
    }

    private static OffsetDateTime instant(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}

package io.funnelql.warehouse.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/** Reads the load history of a warehouse, newest first. */
public final class LoadHistory {

    private static final String SELECT = """
            SELECT load_id, dataset, file_name, format, sha256, row_count, started_at, committed_at, status, error
            FROM loads""";

    private final Warehouse warehouse;

    public LoadHistory(Warehouse warehouse) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    }

    /** Every load, newest first; only those of {@code dataset} when it is given. */
    public List<LoadRecord> list(Optional<Dataset> dataset) {
        String sql = SELECT + (dataset.isPresent() ? " WHERE dataset = ?" : "") + " ORDER BY load_id DESC";
        try (Connection connection = warehouse.reader();
             PreparedStatement select = connection.prepareStatement(sql)) {
            if (dataset.isPresent()) {
                select.setString(1, dataset.get().id());
            }
            List<LoadRecord> records = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    records.add(read(rs));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read the load history: " + e.getMessage(), e);
        }
    }

    private static LoadRecord read(ResultSet rs) throws SQLException {
        long rows = rs.getLong("row_count");
        Long rowCount = rs.wasNull() ? null : rows;
        return new LoadRecord(rs.getLong("load_id"), rs.getString("dataset"), rs.getString("file_name"),
                rs.getString("format"), rs.getString("sha256"), rowCount, instant(rs, "started_at"),
                instantOrNull(rs, "committed_at"), LoadStatus.of(rs.getString("status")), rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Objects.requireNonNull(instantOrNull(rs, column), column);
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

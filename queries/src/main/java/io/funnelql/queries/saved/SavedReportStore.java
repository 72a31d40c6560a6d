package io.funnelql.queries.saved;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.funnelql.queries.report.BadQueryException;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * The saved reports of one warehouse (a workspace): stored, listed, found and deleted.
 *
 * <p>Reads go through {@link Warehouse#reader()} like every report's. Writes touch only {@code saved_reports},
 * which loads never write, so they do not wait for a load (as API keys do not).
 */
public final class SavedReportStore {

    private static final String INSERT = """
            INSERT INTO saved_reports (report_id, name, kind, input, saved_at, known_at, as_of, time_zone, week_start)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String SELECT = """
            SELECT report_id, name, kind, input, saved_at, known_at, as_of, time_zone, week_start FROM saved_reports""";

    private static final String BY_ID = SELECT + " WHERE report_id = ?";

    private static final String ALL = SELECT + " ORDER BY report_id";

    private static final String DELETE = "DELETE FROM saved_reports WHERE report_id = ?";

    private final Warehouse warehouse;

    public SavedReportStore(Warehouse warehouse) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    }

    /**
     * Stores a saved report.
     *
     * @throws BadQueryException when a saved report with the same id exists (names that differ only in case,
     *         spacing or punctuation have the same id)
     */
    public SavedReport save(SavedReport report) {
        checkAvailable(report.id());
        try (Connection connection = warehouse.connect(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, report.id());
            insert.setString(2, report.name());
            insert.setString(3, report.kind().name());
            insert.setString(4, report.input());
            insert.setObject(5, utc(report.savedAt()));
            insert.setObject(6, utc(report.knownAt()));
            insert.setObject(7, utc(report.asOf()));
            insert.setString(8, report.timeZone().getId());
            insert.setString(9, report.weekStart().name());
            insert.executeUpdate();
        } catch (SQLException e) {
            // Saved at the same time under the same id: the primary key refused the second.
            Optional<SavedReport> raced = find(report.id());
            if (raced.isPresent()) {
                throw taken(raced.get());
            }
            throw new WarehouseException("Cannot store saved report '" + report.name() + "': " + e.getMessage(), e);
        }
        return report;
    }

    /** Every saved report, by id (so by name). */
    public List<SavedReport> list() {
        try (Connection connection = warehouse.reader(); PreparedStatement select = connection.prepareStatement(ALL);
             ResultSet rs = select.executeQuery()) {
            List<SavedReport> reports = new ArrayList<>();
            while (rs.next()) {
                reports.add(read(rs));
            }
            return reports;
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read the saved reports: " + e.getMessage(), e);
        }
    }

    /** The saved report with this id; empty when there is none. */
    public Optional<SavedReport> find(String id) {
        try (Connection connection = warehouse.reader(); PreparedStatement select = connection.prepareStatement(BY_ID)) {
            select.setString(1, id.strip());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read saved report '" + id + "': " + e.getMessage(), e);
        }
    }

    /**
     * Deletes a saved report.
     *
     * @return the deleted report; empty when there was none with this id
     */
    public Optional<SavedReport> delete(String id) {
        Optional<SavedReport> report = find(id);
        if (report.isEmpty()) {
            return report;
        }
        try (Connection connection = warehouse.connect(); PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, report.get().id());
            return delete.executeUpdate() == 0 ? Optional.empty() : report;
        } catch (SQLException e) {
            throw new WarehouseException("Cannot delete saved report '" + id + "': " + e.getMessage(), e);
        }
    }

    /**
     * Checks that no saved report has this id, before a report is run to be saved.
     *
     * @throws BadQueryException naming the saved report that has it
     */
    public void checkAvailable(String id) {
        Optional<SavedReport> existing = find(id);
        if (existing.isPresent()) {
            throw taken(existing.get());
        }
    }

    private static BadQueryException taken(SavedReport existing) {
        return new BadQueryException("A saved report '" + existing.name() + "' (id " + existing.id()
                + ") exists; save this one under another name, or delete that one first");
    }

    private static SavedReport read(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        return new SavedReport(rs.getString("report_id"), rs.getString("name"),
                ReportKind.byName(kind).orElseThrow(() -> new WarehouseException("saved_reports holds an unknown kind '"
                        + kind + "'; was the warehouse written by a newer FunnelQL?")),
                rs.getString("input"), instant(rs, "saved_at"), instant(rs, "known_at"), instant(rs, "as_of"),
                ZoneId.of(rs.getString("time_zone")), DayOfWeek.valueOf(rs.getString("week_start")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

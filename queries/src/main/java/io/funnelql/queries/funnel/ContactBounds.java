package io.funnelql.queries.funnel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;

import io.funnelql.warehouse.PerDataVersion;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * The latest date held anywhere in the contacts ever loaded (every stage column of every version), read
 * once per data version. An asOf at or after it filters nothing, so the funnel SQL can skip the test.
 */
final class ContactBounds {

    private static final String SQL = "SELECT list_max([" + Stage.all().stream().map(s -> "max(" + s.column() + ")")
            .collect(Collectors.joining(", ")) + "]) FROM raw_contacts";

    private final Warehouse warehouse;
    private final PerDataVersion<Instant> latest;

    ContactBounds(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.latest = new PerDataVersion<>(warehouse);
    }

    /** The latest contact date; {@link Instant#MIN} for an empty warehouse. */
    Instant latest() {
        return latest.get(this::read);
    }

    private Instant read() {
        try (Connection connection = warehouse.reader(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(SQL)) {
            rs.next();
            OffsetDateTime latest = rs.getObject(1, OffsetDateTime.class);
            return latest == null ? Instant.MIN : latest.toInstant();
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read the contacts' date range: " + e.getMessage(), e);
        }
    }
}

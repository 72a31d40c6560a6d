package io.funnelql.queries.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import io.funnelql.warehouse.PerDataVersion;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * The latest dates held in the contacts (every stage column) and the won deals ({@code closed_at},
 * {@code churned_at}) ever loaded, read once per data version. An asOf at or after them filters nothing,
 * so a report may answer from rollups that hold every date.
 */
public final class DataBounds {

    private static final String SQL = """
            SELECT (SELECT greatest(max(created_at), max(subscriber_at), max(lead_at), max(mql_at), max(sql_at),
                                    max(opportunity_at), max(customer_at), max(evangelist_at)) FROM raw_contacts),
                   (SELECT greatest(max(closed_at), max(churned_at)) FROM raw_deals WHERE status = 'won')""";

    private record Snapshot(Instant contacts, Instant wonDeals) {
    }

    private final Warehouse warehouse;
    private final PerDataVersion<Snapshot> snapshot;

    public DataBounds(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.snapshot = new PerDataVersion<>(warehouse);
    }

    /** The latest date of any contact; {@link Instant#MIN} without contacts. */
    public Instant latestContactDate() {
        return current().contacts();
    }

    /** The latest close or churn date of any won deal; {@link Instant#MIN} without won deals. */
    public Instant latestWonDealDate() {
        return current().wonDeals();
    }

    private Snapshot current() {
        return snapshot.get(this::read);
    }

    private Snapshot read() {
        try (Connection connection = warehouse.reader(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(SQL)) {
            rs.next();
            return new Snapshot(instant(rs.getObject(1, OffsetDateTime.class)), instant(rs.getObject(2, OffsetDateTime.class)));
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read the latest dates of the data: " + e.getMessage(), e);
        }
    }

    private static Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? Instant.MIN : time.toInstant();
    }
}

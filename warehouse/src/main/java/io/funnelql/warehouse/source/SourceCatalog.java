package io.funnelql.warehouse.source;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * Lists the sources a warehouse's data uses, with how raw source strings were normalised into them.
 *
 * <p>A source is listed when at least one current contact, session or spend row carries it; canonical
 * sources without data are not. The list is ordered by contacts (most first), then sessions, then source id.
 */
public final class SourceCatalog {

    /** Every current row that carries a source, counted per source; spend rows only make a source known. */
    static final String SOURCES = """
            WITH seen AS (
                SELECT source, channel, source_raw, 1 AS is_contact, 0 AS is_session FROM contacts
                UNION ALL
                SELECT source, channel, source_raw, 0, 1 FROM sessions
                UNION ALL
                SELECT source, channel, source_raw, 0, 0 FROM spend
            )
            SELECT s.source,
                   mode(s.channel) AS channel,
                   coalesce(any_value(c.label), s.source) AS label,
                   s.source IN (SELECT source FROM source_lookup) AS mapped,
                   sum(s.is_contact) AS contacts,
                   sum(s.is_session) AS sessions,
                   coalesce(list(DISTINCT s.source_raw ORDER BY s.source_raw) FILTER (WHERE s.source_raw IS NOT NULL),
                            []) AS raw_values
            FROM seen s LEFT JOIN canonical_sources c ON c.source = s.source
            GROUP BY s.source
            ORDER BY contacts DESC, sessions DESC, s.source""";

    private final Warehouse warehouse;

    public SourceCatalog(Warehouse warehouse) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    }

    /** Every source the current data carries; empty for a warehouse without contacts, sessions or spend. */
    public List<SourceInfo> list() {
        try (Connection connection = warehouse.reader();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(SOURCES)) {
            List<SourceInfo> sources = new ArrayList<>();
            while (rs.next()) {
                sources.add(new SourceInfo(rs.getString("source"), rs.getString("channel"), rs.getString("label"),
                        rs.getBoolean("mapped"), rs.getLong("contacts"), rs.getLong("sessions"),
                        strings(rs.getArray("raw_values"))));
            }
            return sources;
        } catch (SQLException e) {
            throw new WarehouseException("Cannot list the sources of warehouse " + warehouse.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }
}

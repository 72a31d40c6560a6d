package io.funnelql.queries.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.funnelql.warehouse.PerDataVersion;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * The source and channel names a report filter may use, so that a typo is an error rather than an empty
 * report. Known sources: the canonical ones, the user's mapping targets and every source in the data.
 * Recomputed only when the warehouse's data version changes.
 */
public final class KnownSources {

    /** Channels: inbound and outbound, and unknown for sources no mapping places. */
    public static final Set<String> CHANNELS = Set.of("inbound", "outbound", "unknown");

    private static final String SQL = """
            SELECT source FROM canonical_sources
            UNION SELECT source FROM source_map
            UNION SELECT DISTINCT source FROM contacts
            UNION SELECT DISTINCT source FROM sessions
            UNION SELECT DISTINCT source FROM spend""";

    private final Warehouse warehouse;
    private final PerDataVersion<Set<String>> sources;

    public KnownSources(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.sources = new PerDataVersion<>(warehouse);
    }

    /** Every known source, sorted. */
    public Set<String> sources() {
        return sources.get(this::read);
    }

    /**
     * @throws BadQueryException naming the first unknown source or channel and listing the known ones
     */
    public void check(List<String> sources, List<String> channels) {
        for (String channel : channels) {
            if (!CHANNELS.contains(channel)) {
                throw new BadQueryException("Unknown channel '" + channel + "'; channels are inbound, outbound and unknown");
            }
        }
        if (sources.isEmpty()) {
            return;
        }
        Set<String> known = sources();
        for (String source : sources) {
            if (!known.contains(source)) {
                throw new BadQueryException("Unknown source '" + source + "'; known sources are: "
                        + known.stream().limit(40).collect(Collectors.joining(", ")) + (known.size() > 40 ? ", …" : ""));
            }
        }
    }

    private Set<String> read() {
        try (Connection connection = warehouse.reader(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(SQL)) {
            Set<String> sources = new TreeSet<>();
            while (rs.next()) {
                String source = rs.getString(1);
                if (source != null) {
                    sources.add(source);
                }
            }
            return java.util.Collections.unmodifiableSet(sources);
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read the known sources: " + e.getMessage(), e);
        }
    }
}

package io.funnelql.warehouse.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The funnel rollups {@code rollup_contacts_created} and {@code rollup_contacts_entered}: per day in the
 * workspace time zone, source and channel, the contacts created and how many reached each stage, and the
 * stage entries (cumulative and not).
 *
 * <p>A contacts load adds its rows' counts and subtracts those of the versions they replace, inside the
 * load's transaction, so the rollups always agree with the contacts a reader sees. Rows that fall to zero
 * are removed, so a group appears in a rollup exactly when it has contacts.
 */
public final class FunnelRollups {

    /** The stage date columns after creation, in funnel order; stage {@code k} (1-based) is element {@code k - 1}. */
    public static final List<String> STAGE_COLUMNS = List.of("subscriber_at", "lead_at", "mql_at", "sql_at",
            "opportunity_at", "customer_at", "evangelist_at");

    /** The stage names used in the created rollup's column names, in funnel order. */
    public static final List<String> STAGE_NAMES = List.of("subscriber", "lead", "mql", "sql", "opportunity",
            "customer", "evangelist");

    private FunnelRollups() {
    }

    /**
     * Applies a contacts load to the rollups: its rows count +1 and the current versions they replace
     * (still in the table, not yet superseded) -1. Call after the load's rows are inserted and before the
     * replaced versions are moved away.
     *
     * @param replacing false when the table was empty before the load (nothing can be replaced)
     */
    public static void apply(Connection connection, ZoneId zone, long loadId, boolean replacing) throws SQLException {
        String weighted = "SELECT 1 AS w, * FROM contacts WHERE load_id = " + loadId
                + (replacing ? " UNION ALL SELECT -1 AS w, * FROM contacts WHERE load_id <> " + loadId
                        + " AND contact_id IN (SELECT contact_id FROM contacts WHERE load_id = " + loadId + ")" : "");
        merge(connection, zone, weighted);
    }

    /** Recomputes the rollups from the current contacts (after a source map change, or in a new time zone). */
    public static void rebuild(Connection connection, ZoneId zone) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM rollup_contacts_created");
            statement.execute("DELETE FROM rollup_contacts_entered");
        }
        merge(connection, zone, "SELECT 1 AS w, * FROM contacts");
        try (PreparedStatement state = connection.prepareStatement("UPDATE rollup_state SET time_zone = ? WHERE name = 'contacts'")) {
            state.setString(1, zone.getId());
            state.executeUpdate();
        }
    }

    /**
     * Rebuilds the rollups unless their days are already in {@code zone}: on opening a warehouse whose
     * workspace time zone changed, or that predates the rollups.
     *
     * @return true when the rollups were rebuilt
     */
    public static boolean ensureZone(Connection connection, ZoneId zone) throws SQLException {
        String current;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT time_zone FROM rollup_state WHERE name = 'contacts'")) {
            rs.next();
            current = rs.getString(1);
        }
        if (zone.getId().equals(current)) {
            return false;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            rebuild(connection, zone);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return true;
    }

    /** The time zone the rollups' days are in, as stored. */
    public static String zoneId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT time_zone FROM rollup_state WHERE name = 'contacts'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void merge(Connection connection, ZoneId zone, String weighted) throws SQLException {
        // The zone id is letters, digits and / _ + - only; the load id a number.
        String day = "CAST(timezone('" + zone.getId() + "', %s) AS DATE)";
        List<String> reached = new ArrayList<>();
        List<String> entered = new ArrayList<>();
        List<String> updates = new ArrayList<>(List.of("contacts = contacts + EXCLUDED.contacts"));
        for (int k = 0; k < STAGE_COLUMNS.size(); k++) {
            String name = STAGE_NAMES.get(k);
            reached.add("coalesce(sum(w) FILTER (WHERE " + cumulative(k) + " IS NOT NULL), 0) AS reached_" + name);
            entered.add("coalesce(sum(w) FILTER (WHERE " + STAGE_COLUMNS.get(k) + " IS NOT NULL), 0) AS entered_" + name);
            updates.add("reached_" + name + " = reached_" + name + " + EXCLUDED.reached_" + name);
            updates.add("entered_" + name + " = entered_" + name + " + EXCLUDED.entered_" + name);
        }
        String created = "INSERT INTO rollup_contacts_created SELECT " + day.formatted("created_at") + " AS day, source, channel, "
                + "sum(w) AS contacts, " + String.join(", ", reached) + ", " + String.join(", ", entered)
                + " FROM (" + weighted + ") GROUP BY ALL ON CONFLICT (day, source, channel) DO UPDATE SET "
                + String.join(", ", updates);

        List<String> entries = new ArrayList<>(List.of("created_at AS c0", "created_at AS o0"));
        for (int k = 0; k < STAGE_COLUMNS.size(); k++) {
            entries.add(cumulative(k) + " AS c" + (k + 1));
            entries.add(STAGE_COLUMNS.get(k) + " AS o" + (k + 1));
        }
        String names = IntStream.rangeClosed(0, STAGE_COLUMNS.size()).mapToObj(k -> "c" + k + ", o" + k)
                .collect(Collectors.joining(", "));
        String enteredSql = "INSERT INTO rollup_contacts_entered SELECT " + day.formatted("t") + " AS day, source, channel, "
                + "CAST(substr(k, 2) AS TINYINT) AS stage, k[1] = 'c' AS cumulative, sum(w) AS entries FROM (UNPIVOT (SELECT w, "
                + "source, channel, " + String.join(", ", entries) + " FROM (" + weighted + ")) ON " + names
                + " INTO NAME k VALUE t) GROUP BY ALL ON CONFLICT (day, source, channel, stage, cumulative) "
                + "DO UPDATE SET entries = entries + EXCLUDED.entries";
        try (Statement statement = connection.createStatement()) {
            statement.execute(created);
            statement.execute(enteredSql);
            statement.execute("DELETE FROM rollup_contacts_created WHERE contacts = 0");
            statement.execute("DELETE FROM rollup_contacts_entered WHERE entries = 0");
        }
    }

    /** The cumulative entry of stage {@code k} (0-based in {@link #STAGE_COLUMNS}): it, or the next one set. */
    private static String cumulative(int k) {
        List<String> later = STAGE_COLUMNS.subList(k, STAGE_COLUMNS.size());
        return later.size() == 1 ? later.get(0) : "coalesce(" + String.join(", ", later) + ")";
    }
}

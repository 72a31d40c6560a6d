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

import io.funnelql.warehouse.time.LocalDays;

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
        List<String> instants = new ArrayList<>(List.of("created_at"));
        instants.addAll(STAGE_COLUMNS);
        LocalDays days = LocalDays.of(connection, zone, weighted, instants);
        int last = STAGE_COLUMNS.size();
        // The contacts with their instants' days: d0 created, d1..d7 the stages. A cumulative entry's day is
        // the first day set among the stage's and the later ones', as the day of the first instant set would
        // be. Bit k - 1 of the mask is set when stage k was entered. Each statement below reads the columns it
        // needs of it (the load's rows are read where they are, not copied into a table first).
        List<String> dayColumns = new ArrayList<>();
        List<String> bits = new ArrayList<>();
        for (int k = 0; k <= last; k++) {
            dayColumns.add(days.day(instants.get(k)) + " AS d" + k);
            if (k > 0) {
                bits.add("(d" + k + " IS NOT NULL)::INTEGER * " + (1 << (k - 1)));
            }
        }
        String contactDays = "(SELECT w, source, channel, d0, d1, d2, d3, d4, d5, d6, d7, "
                + String.join(" + ", bits) + " AS mask FROM (SELECT w, source, channel, " + String.join(", ", dayColumns)
                + " FROM (" + weighted + ")))";

        // Contacts by creation day and mask first (few groups), then the counts per stage from the masks: a
        // contact reached stage k (cumulatively) when it entered k or a later stage, i.e. mask >= 2^(k-1).
        List<String> reached = new ArrayList<>();
        List<String> entered = new ArrayList<>();
        List<String> updates = new ArrayList<>(List.of("contacts = contacts + EXCLUDED.contacts"));
        for (int k = 1; k <= last; k++) {
            String name = STAGE_NAMES.get(k - 1);
            reached.add("coalesce(sum(n) FILTER (WHERE mask >= " + (1 << (k - 1)) + "), 0) AS reached_" + name);
            entered.add("coalesce(sum(n) FILTER (WHERE mask & " + (1 << (k - 1)) + " <> 0), 0) AS entered_" + name);
            updates.add("reached_" + name + " = reached_" + name + " + EXCLUDED.reached_" + name);
            updates.add("entered_" + name + " = entered_" + name + " + EXCLUDED.entered_" + name);
        }
        String created = "INSERT INTO rollup_contacts_created SELECT d0 AS day, source, channel, sum(n) AS contacts, "
                + String.join(", ", reached) + ", " + String.join(", ", entered)
                + " FROM (SELECT d0, source, channel, mask, sum(w) AS n FROM " + contactDays + " GROUP BY ALL) GROUP BY ALL "
                + "ON CONFLICT (day, source, channel) DO UPDATE SET " + String.join(", ", updates);

        // One grouping per stage and kind (a grouping each scans the few columns it needs and skips the
        // NULLs, faster than unpivoting every contact into 14 rows). Creation and the last stage are the same
        // cumulatively or not: grouped once and written twice.
        List<String> groupings = new ArrayList<>();
        for (int k = 0; k <= last; k++) {
            List<String> kinds = k == 0 || k == last ? List.of("d" + k) : List.of("d" + k, cumulativeDay(k));
            for (int kind = 0; kind < kinds.size(); kind++) {
                String day = kinds.get(kind);
                groupings.add("SELECT " + day + " AS day, source, channel, " + k + " AS stage, " + (kind == 1)
                        + " AS cumulative, sum(w) AS entries FROM " + contactDays + " WHERE " + day + " IS NOT NULL GROUP BY ALL");
            }
        }
        String enteredSql = "INSERT INTO rollup_contacts_entered SELECT day, source, channel, CAST(stage AS TINYINT), "
                + "cumulative OR twin, entries FROM (" + String.join(" UNION ALL ", groupings) + ") "
                + "CROSS JOIN (VALUES (false), (true)) t(twin) WHERE NOT twin OR stage IN (0, " + last + ") "
                + "ON CONFLICT (day, source, channel, stage, cumulative) DO UPDATE SET entries = entries + EXCLUDED.entries";
        try (Statement statement = connection.createStatement()) {
            statement.execute(created);
            statement.execute(enteredSql);
            statement.execute("DELETE FROM rollup_contacts_created WHERE contacts = 0");
            statement.execute("DELETE FROM rollup_contacts_entered WHERE entries = 0");
        }
    }

    /** The day of stage {@code k}'s cumulative entry (1-based, over columns d1..d7): its own, or the next one set. */
    private static String cumulativeDay(int k) {
        int last = STAGE_COLUMNS.size();
        return k == last ? "d" + k
                : "coalesce(" + IntStream.rangeClosed(k, last).mapToObj(j -> "d" + j).collect(Collectors.joining(", ")) + ")";
    }
}

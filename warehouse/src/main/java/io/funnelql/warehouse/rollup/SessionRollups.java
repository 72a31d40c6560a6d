package io.funnelql.warehouse.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;

import io.funnelql.warehouse.time.LocalDays;

/**
 * The traffic rollups (schema V5): per day in the workspace time zone, the sessions' additive counts and
 * new visitors ({@code rollup_sessions_daily}); the visitor days from which the distinct visitors of any
 * run of days are counted exactly, overall, per source and per channel ({@code rollup_visitor_days*}); and
 * each identified visitor's first session ({@code rollup_first_sessions}).
 *
 * <p>A sessions load applies its change inside the load's transaction. Additive counts take +1 for the
 * load's rows and -1 for the versions they replace. What depends on a visitor's other sessions (which
 * session was first, which day came before which) is recomputed for the visitors the load touches only:
 * their contribution as it was is subtracted and their contribution as it is now added. A load of new
 * sessions into an empty table builds everything in one pass. Rows that fall to zero are removed.
 */
public final class SessionRollups {

    /** A visitor-day table and the column it groups by (empty: all sessions together). */
    private record Level(String table, String column) {
    }

    private static final List<Level> LEVELS = List.of(new Level("rollup_visitor_days", ""),
            new Level("rollup_visitor_days_by_source", "source"), new Level("rollup_visitor_days_by_channel", "channel"));

    /**
     * The first session of each visitor in {@code states}, per state (w = -1 before the load, +1 after). A
     * window rather than {@code arg_min}: its state is a whole row, and DuckDB can spill a window to disk but
     * not an aggregate of text states, which needed over 1 GB of memory for 4 million visitors.
     */
    private static final String FIRST_SESSIONS = """
            CREATE OR REPLACE TEMP TABLE first_session_changes AS
            SELECT w, visitor_id, started_at AS first_at, session_id, source, channel FROM (%s)
            QUALIFY row_number() OVER (PARTITION BY w, visitor_id ORDER BY started_at, session_id) = 1""";

    /** The additive counts of the changed rows, and the new visitors the changes add and remove. */
    private static final String DAILY = """
            INSERT INTO rollup_sessions_daily
            SELECT day, source, channel, sum(sessions), sum(bounce_known), sum(bounces), sum(pageview_sessions),
                   sum(pageviews), sum(duration_sessions), sum(duration_seconds), sum(new_visitors)
            FROM (
                SELECT %1$s AS day, source, channel, w AS sessions,
                       w * (coalesce(bounced, pageviews <= 1) IS NOT NULL)::INTEGER AS bounce_known,
                       w * coalesce(bounced, pageviews <= 1, false)::INTEGER AS bounces,
                       w * (pageviews IS NOT NULL)::INTEGER AS pageview_sessions, w * coalesce(pageviews, 0) AS pageviews,
                       w * (duration_seconds IS NOT NULL)::INTEGER AS duration_sessions,
                       w * coalesce(duration_seconds, 0) AS duration_seconds,
                       w * (visitor_id IS NULL)::INTEGER AS new_visitors
                FROM (%3$s)
                UNION ALL
                SELECT %2$s, source, channel, 0, 0, 0, 0, 0, 0, 0, w FROM first_session_changes
            )
            GROUP BY ALL
            ON CONFLICT (day, source, channel) DO UPDATE SET
                sessions = sessions + EXCLUDED.sessions, bounce_known = bounce_known + EXCLUDED.bounce_known,
                bounces = bounces + EXCLUDED.bounces, pageview_sessions = pageview_sessions + EXCLUDED.pageview_sessions,
                pageviews = pageviews + EXCLUDED.pageviews, duration_sessions = duration_sessions + EXCLUDED.duration_sessions,
                duration_seconds = duration_seconds + EXCLUDED.duration_seconds, new_visitors = new_visitors + EXCLUDED.new_visitors""";

    /** The day of each session in {@code states}, with its visitor, state, source and channel. */
    private static final String VISITOR_DAYS = """
            CREATE OR REPLACE TEMP TABLE visitor_day_changes AS
            SELECT w, visitor_id, %s AS day, source, channel FROM (%s)""";

    /**
     * One level's visitor days: each day of a visitor with the visitor's previous day (of the same group),
     * and each session without a visitor id as a first day of its own. Of a visitor's sessions on one day
     * the first in order keeps the previous day; the others see that same day as their previous and are
     * dropped, so a day counts once.
     */
    private static final String LEVEL = """
            INSERT INTO %1$s
            SELECT day, previous_day, %2$s sum(w) FROM (
                SELECT w, day, coalesce(lag(day) OVER (PARTITION BY w, visitor_id %3$s ORDER BY day), DATE '-infinity') AS previous_day %4$s
                FROM visitor_day_changes
                QUALIFY previous_day < day
                UNION ALL
                SELECT w, %5$s, DATE '-infinity' %4$s FROM (%6$s) WHERE visitor_id IS NULL
            )
            GROUP BY ALL
            ON CONFLICT (day, previous_day %4$s) DO UPDATE SET visitors = visitors + EXCLUDED.visitors""";

    private SessionRollups() {
    }

    /**
     * Applies a sessions load to the rollups. Call after the load's rows are inserted and before the
     * replaced versions are moved away.
     *
     * @param replacing false when the table was empty before the load (nothing can be replaced, no visitor
     *        was seen before)
     */
    public static void apply(Connection connection, ZoneId zone, long loadId, boolean replacing) throws SQLException {
        if (!replacing) {
            build(connection, zone);
            return;
        }
        // The load id is a number.
        String loaded = "SELECT session_id FROM sessions WHERE load_id = " + loadId;
        String changes = "SELECT 1 AS w, * FROM sessions WHERE load_id = " + loadId
                + " UNION ALL SELECT -1 AS w, * FROM sessions WHERE load_id <> " + loadId + " AND session_id IN (" + loaded + ")";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE touched_visitors AS SELECT DISTINCT visitor_id FROM (" + changes
                    + ") WHERE visitor_id IS NOT NULL");
        }
        String touched = "visitor_id IN (SELECT visitor_id FROM touched_visitors)";
        try (Statement statement = connection.createStatement()) {
            // Read twice below; the touched visitors' sessions are few next to the whole table.
            statement.execute("CREATE OR REPLACE TEMP TABLE session_states AS SELECT -1 AS w, * FROM sessions WHERE load_id <> "
                    + loadId + " AND " + touched + " UNION ALL SELECT 1 AS w, * FROM sessions WHERE " + touched
                    + " AND (load_id = " + loadId + " OR session_id NOT IN (" + loaded + "))");
        }
        merge(connection, zone, changes, "SELECT * FROM session_states", true);
    }

    /** Recomputes the rollups from the current sessions (after a source map change, or in a new time zone). */
    public static void rebuild(Connection connection, ZoneId zone) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM rollup_sessions_daily");
            for (Level level : LEVELS) {
                statement.execute("DELETE FROM " + level.table());
            }
            statement.execute("DELETE FROM rollup_first_sessions");
        }
        build(connection, zone);
        try (PreparedStatement state = connection.prepareStatement("UPDATE rollup_state SET time_zone = ? WHERE name = 'sessions'")) {
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
        if (zone.getId().equals(zoneId(connection))) {
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
             ResultSet rs = statement.executeQuery("SELECT time_zone FROM rollup_state WHERE name = 'sessions'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Adds the contribution of every current session to rollups that hold none. */
    private static void build(Connection connection, ZoneId zone) throws SQLException {
        merge(connection, zone, "SELECT 1 AS w, * FROM sessions", "SELECT 1 AS w, * FROM sessions WHERE visitor_id IS NOT NULL", false);
    }

    /**
     * @param changes session rows weighted +1 (added) or -1 (replaced), for the additive counts
     * @param states every session of each touched visitor, weighted -1 as it was and +1 as it is now
     * @param replacing false when nothing can be subtracted (no first session to replace, no row to empty)
     */
    private static void merge(Connection connection, ZoneId zone, String changes, String states, boolean replacing)
            throws SQLException {
        // Every day is a session start's (first_at is one of the states' starts).
        LocalDays days = LocalDays.of(connection, zone, "SELECT started_at FROM (" + changes + ") UNION ALL SELECT started_at FROM ("
                + states + ")", List.of("started_at"));
        String started = days.day("started_at");
        try (Statement statement = connection.createStatement()) {
            statement.execute(FIRST_SESSIONS.formatted(states));
            if (replacing) {
                statement.execute("DELETE FROM rollup_first_sessions WHERE visitor_id IN (SELECT visitor_id FROM first_session_changes)");
            }
            statement.execute("INSERT INTO rollup_first_sessions SELECT visitor_id, first_at, session_id, source, channel "
                    + "FROM first_session_changes WHERE w = 1");
            statement.execute(DAILY.formatted(started, days.day("first_at"), changes));
            statement.execute("DROP TABLE first_session_changes");

            statement.execute(VISITOR_DAYS.formatted(started, states));
            for (Level level : LEVELS) {
                String column = level.column().isEmpty() ? "" : ", " + level.column();
                statement.execute(LEVEL.formatted(level.table(), level.column().isEmpty() ? "" : level.column() + ",", column,
                        column, started, changes));
            }
            statement.execute("DROP TABLE visitor_day_changes");
            if (replacing) {
                statement.execute("DROP TABLE touched_visitors");
                statement.execute("DROP TABLE session_states");
                statement.execute("DELETE FROM rollup_sessions_daily WHERE sessions = 0");
                for (Level level : LEVELS) {
                    statement.execute("DELETE FROM " + level.table() + " WHERE visitors = 0");
                }
            }
        }
    }
}

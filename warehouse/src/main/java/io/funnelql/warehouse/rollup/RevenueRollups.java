package io.funnelql.warehouse.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.time.LocalDays;

/**
 * The revenue rollup {@code rollup_revenue}: the revenue ledger of the won deals per day in the workspace
 * time zone and per source and channel of the deal's contact (see the V6 migration for its columns).
 *
 * <p>The ledger follows each customer (a deal's contact; a deal without contact is a customer of its own)
 * from its first won new-business or expansion deal to its first churn at or after it: a {@code churned_at}
 * on any of its won deals, or the close of a won {@code churn} deal. The query layer's
 * {@code io.funnelql.queries.revenue.RevenueLedger} computes the same events from the deals themselves; the
 * revenue rollup equivalence tests prove that both give the same reports.
 *
 * <p>A spell's end depends on the customer's later deals, and a deal's source on its contact, so a load does
 * not add to the rollup: the rollup is rebuilt, inside the load's transaction, by every load that can change
 * it. That reads every won deal and their contacts once (about a second at a million deals).
 */
public final class RevenueRollups {

    private static final String REBUILD = """
            INSERT INTO rollup_revenue
            WITH won AS (
                SELECT d.deal_id, d.amount, d.closed_at, coalesce(d.type, 'new') AS type, coalesce(d.mrr, 0) AS mrr,
                       d.churned_at,
                       CASE WHEN d.contact_id IS NULL THEN 'd:' || d.deal_id ELSE 'c:' || d.contact_id END AS customer,
                       coalesce(c.source, 'unattributed') AS source, coalesce(c.channel, 'unattributed') AS channel
                FROM deals d LEFT JOIN contacts c ON c.contact_id = d.contact_id
                WHERE d.status = 'won'
            ), churn AS (
                SELECT customer, churned_at AS event_at FROM won WHERE churned_at IS NOT NULL
                UNION
                SELECT customer, closed_at FROM won WHERE type = 'churn'
            ), stream AS (
                SELECT s.customer, s.source, s.channel, s.deal_id, s.closed_at, s.type, s.mrr, min(ch.event_at) AS ended_at
                FROM won s LEFT JOIN churn ch ON ch.customer = s.customer AND ch.event_at >= s.closed_at
                WHERE s.type IN ('new', 'expansion')
                GROUP BY s.customer, s.source, s.channel, s.deal_id, s.closed_at, s.type, s.mrr
            ), spell AS (
                SELECT customer, source, channel, ended_at, min(closed_at) AS started_at, sum(mrr) AS mrr
                FROM stream GROUP BY customer, source, channel, ended_at
            ), event AS (
                SELECT source, channel, closed_at AS event_at, 'won' AS kind, amount, CAST(NULL AS TIMESTAMPTZ) AS since
                FROM won WHERE type <> 'churn'
                UNION ALL
                SELECT source, channel, closed_at, type || '_mrr', mrr, NULL FROM stream
                UNION ALL
                SELECT source, channel, started_at, 'start', 0, NULL FROM spell
                UNION ALL
                SELECT source, channel, ended_at, 'end', mrr, started_at FROM spell WHERE ended_at IS NOT NULL
            )
            SELECT %1$s AS day, source, channel, %2$s AS started_day,
                   coalesce(sum(amount) FILTER (WHERE kind = 'won'), 0) AS won_revenue,
                   count(*) FILTER (WHERE kind = 'won') AS won_deals,
                   coalesce(sum(amount) FILTER (WHERE kind = 'new_mrr'), 0) AS new_mrr,
                   coalesce(sum(amount) FILTER (WHERE kind = 'expansion_mrr'), 0) AS expansion_mrr,
                   coalesce(sum(amount) FILTER (WHERE kind = 'end'), 0) AS churned_mrr,
                   count(*) FILTER (WHERE kind = 'start') AS customers_in,
                   count(*) FILTER (WHERE kind = 'end') AS customers_out,
                   coalesce(sum(CAST(epoch_us(event_at) AS DECIMAL(38, 0))) FILTER (WHERE kind = 'start'), 0)
                       - coalesce(sum(CAST(epoch_us(event_at) AS DECIMAL(38, 0))) FILTER (WHERE kind = 'end'), 0) AS net_micros,
                   coalesce(sum(amount * CAST(epoch_us(event_at) AS DECIMAL(38, 0))) FILTER (WHERE kind IN ('new_mrr', 'expansion_mrr')), 0)
                       - coalesce(sum(amount * CAST(epoch_us(event_at) AS DECIMAL(38, 0))) FILTER (WHERE kind = 'end'), 0) AS net_mrr_micros
            FROM event
            GROUP BY ALL""";

    private RevenueRollups() {
    }

    /**
     * Brings the rollup up to date after a load, once its rows are current (after the versions it replaced
     * were retired): rebuilt after a deals or source map load, and after a contacts load that holds a
     * contact some deal refers to. Other loads cannot change it.
     */
    public static void refresh(Connection connection, ZoneId zone, Dataset dataset, long loadId) throws SQLException {
        boolean affected = switch (dataset) {
            case DEALS, SOURCE_MAP -> true;
            case CONTACTS -> dealsReferToContactsOf(connection, loadId);
            default -> false;
        };
        if (affected) {
            rebuild(connection, zone);
        }
    }

    /** Recomputes the rollup from the current deals and contacts, with days in {@code zone}. */
    public static void rebuild(Connection connection, ZoneId zone) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM rollup_revenue");
            // Every instant of the ledger is a won deal's close or churn.
            LocalDays days = LocalDays.of(connection, zone, "SELECT closed_at, churned_at FROM deals WHERE status = 'won'",
                    List.of("closed_at", "churned_at"));
            statement.execute(REBUILD.formatted(days.day("event_at"), days.day("since")));
        }
        try (PreparedStatement state = connection.prepareStatement("UPDATE rollup_state SET time_zone = ? WHERE name = 'revenue'")) {
            state.setString(1, zone.getId());
            state.executeUpdate();
        }
    }

    /**
     * Rebuilds the rollup unless its days are already in {@code zone}: on opening a warehouse whose workspace
     * time zone changed, or that predates the rollup.
     *
     * @return true when the rollup was rebuilt
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

    /** The time zone the rollup's days are in, as stored ({@code ""} before its first build). */
    public static String zoneId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT time_zone FROM rollup_state WHERE name = 'revenue'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean dealsReferToContactsOf(Connection connection, long loadId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM contacts c JOIN deals d ON d.contact_id = c.contact_id WHERE c.load_id = ?)")) {
            query.setLong(1, loadId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}

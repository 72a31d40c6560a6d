package io.funnelql.queries.report;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One report's time limit. Every statement the report runs goes through {@link #executeQuery}, which cancels
 * it in DuckDB ({@link java.sql.Statement#cancel()}) when the limit passes, so that a report too large for the
 * machine stops using it instead of running on after its client gave up. A report that runs out of time is
 * refused with a {@link BadQueryException} saying how to make it smaller; the caller rolls back as for any
 * other failure.
 *
 * <p>The limit is the report's, not each statement's: a report of two statements shares one deadline.
 */
public final class ReportDeadline {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "funnelql-report-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration limit;
    private final long deadline;

    private ReportDeadline(Duration limit) {
        this.limit = limit;
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    /** Starts the clock now. */
    public static ReportDeadline start(Duration limit) {
        return new ReportDeadline(limit);
    }

    /**
     * Runs the statement's query (DuckDB computes it whole before this returns), cancelling it when the
     * deadline passes.
     *
     * @throws BadQueryException when the deadline passed before or during the query
     */
    public ResultSet executeQuery(PreparedStatement statement) throws SQLException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timedOut();
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> cancel = TIMER.schedule(() -> {
            cancelled.set(true);
            try {
                statement.cancel();
            } catch (SQLException e) {
                // The statement finished or closed meanwhile: nothing is left to cancel.
            }
        }, remaining, TimeUnit.NANOSECONDS);
        try {
            return statement.executeQuery();
        } catch (SQLException e) {
            if (cancelled.get()) {
                throw timedOut();
            }
            throw e;
        } finally {
            cancel.cancel(false);
        }
    }

    private BadQueryException timedOut() {
        return new BadQueryException("The report took longer than " + describe(limit) + ", the most a report may take, "
                + "and was stopped. Ask for less: a shorter range, a longer grain or fewer groups");
    }

    private static String describe(Duration limit) {
        long millis = limit.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }
}

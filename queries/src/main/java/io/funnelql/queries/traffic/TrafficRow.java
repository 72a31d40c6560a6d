package io.funnelql.queries.traffic;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Group;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.Period;
import io.funnelql.queries.targets.MetricNames;
import io.funnelql.queries.targets.RowTargets;

/**
 * The traffic of one period (or the whole range) and group. docs/metrics.md defines each value; rates are
 * fractions and null when their denominator is 0. Unique visitors are exact for the row's whole period
 * and group: a visitor with sessions in several days, periods or groups is counted once per row.
 *
 * @param period the period; for group totals and the total, the whole range
 * @param source the canonical source, when grouped by SOURCE
 * @param channel the channel, when grouped by CHANNEL
 * @param sessions sessions started in the period
 * @param uniqueVisitors distinct visitors with a session in the period (a session without visitor id is a visitor of its own)
 * @param newVisitors visitors whose first session ever started in the period, in this group
 * @param returningVisitors unique visitors that are not new here: {@code uniqueVisitors - newVisitors}
 * @param bounceRate bounced sessions / sessions whose bounce is known
 * @param pageviewsPerSession pageviews / sessions with a pageview count
 * @param avgSessionDurationSeconds total duration / sessions with a duration, in seconds
 * @param contactsCreated contacts created in the period (by the contact's own source)
 * @param visitorToContactRate contactsCreated / uniqueVisitors
 */
public record TrafficRow(Period period, @Nullable String source, @Nullable String channel, Measure sessions,
                         Measure uniqueVisitors, Measure newVisitors, Measure returningVisitors, Measure bounceRate,
                         Measure pageviewsPerSession, Measure avgSessionDurationSeconds, Measure contactsCreated,
                         Measure visitorToContactRate) {

    /** The parts every value is computed from, in the order the report statements return them. */
    static final List<String> COMPONENTS = List.of("sessions", "visitors", "new_visitors", "bounce_known", "bounces",
            "pageview_sessions", "pageviews", "duration_sessions", "duration_seconds", "contacts");

    private static final int SESSIONS = 0, VISITORS = 1, NEW_VISITORS = 2, BOUNCE_KNOWN = 3, BOUNCES = 4,
            PAGEVIEW_SESSIONS = 5, PAGEVIEWS = 6, DURATION_SESSIONS = 7, DURATION_SECONDS = 8, CONTACTS = 9;

    public TrafficRow {
        Objects.requireNonNull(period, "period");
    }

    /** The row of a period and group from its components (see {@link #COMPONENTS}) and the comparison period's. */
    static TrafficRow of(Period period, Group group, double[] current, double @Nullable [] previous) {
        return new TrafficRow(period, group.source(), group.channel(),
                count(current, previous, SESSIONS),
                count(current, previous, VISITORS),
                count(current, previous, NEW_VISITORS),
                measure(returning(current), previous == null ? null : returning(previous), previous != null),
                rate(current, previous, BOUNCES, BOUNCE_KNOWN),
                rate(current, previous, PAGEVIEWS, PAGEVIEW_SESSIONS),
                rate(current, previous, DURATION_SECONDS, DURATION_SESSIONS),
                count(current, previous, CONTACTS),
                rate(current, previous, CONTACTS, VISITORS));
    }

    /**
     * The row with the target of each metric that has one (docs/kpi-board.md, "Targets in reports"): sessions,
     * unique and new visitors, contacts created and the visitor-to-contact rate.
     */
    TrafficRow withTargets(RowTargets targets) {
        return new TrafficRow(period, source, channel, targets.count(sessions, MetricNames.SESSIONS),
                targets.count(uniqueVisitors, MetricNames.UNIQUE_VISITORS), targets.count(newVisitors, MetricNames.NEW_VISITORS),
                returningVisitors, bounceRate, pageviewsPerSession, avgSessionDurationSeconds,
                targets.count(contactsCreated, MetricNames.CONTACTS),
                targets.ratio(visitorToContactRate, MetricNames.VISITOR_TO_CONTACT_RATE));
    }

    private static Double returning(double[] components) {
        return components[VISITORS] - components[NEW_VISITORS];
    }

    private static Measure count(double[] current, double @Nullable [] previous, int index) {
        return measure(current[index], previous == null ? null : previous[index], previous != null);
    }

    private static Measure rate(double[] current, double @Nullable [] previous, int numerator, int denominator) {
        return measure(Measure.ratio(current[numerator], current[denominator]),
                previous == null ? null : Measure.ratio(previous[numerator], previous[denominator]), previous != null);
    }

    private static Measure measure(@Nullable Double value, @Nullable Double previous, boolean compared) {
        return new Measure(value, previous, compared);
    }
}

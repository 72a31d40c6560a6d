package io.funnelql.queries.velocity;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Group;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.Period;

/**
 * The velocity of one period (or the whole range) and group: of the contacts that entered the earlier
 * stage in the period and the later one by asOf, how many days (of 24 hours, fractional) it took. Percentiles
 * interpolate linearly between the closest ranks (docs/metrics.md); they are null when no contact counts.
 *
 * @param period the period of the earlier stage's entry; for group totals and the total, the whole range
 * @param source the canonical source, when grouped by SOURCE
 * @param channel the channel, when grouped by CHANNEL
 * @param contacts contacts that entered both stages, the later no earlier than the earlier
 * @param medianDays the 50th percentile of their days
 * @param p75Days the 75th percentile
 * @param p90Days the 90th percentile
 * @param outOfOrder contacts that entered both stages with the later dated before the earlier: left out of
 *        {@code contacts} and the percentiles, and counted here so that messy data is seen, not hidden
 */
public record VelocityRow(Period period, @Nullable String source, @Nullable String channel, Measure contacts,
                          Measure medianDays, Measure p75Days, Measure p90Days, Measure outOfOrder) {

    /** The parts every value is computed from, in the order the report statement returns them. */
    static final List<String> COMPONENTS = List.of("contacts", "median_days", "p75_days", "p90_days", "out_of_order");

    private static final int CONTACTS = 0, OUT_OF_ORDER = 4;

    public VelocityRow {
        Objects.requireNonNull(period, "period");
    }

    /** The row of a period and group from its components (see {@link #COMPONENTS}) and the comparison period's. */
    static VelocityRow of(Period period, Group group, double[] current, double @Nullable [] previous) {
        return new VelocityRow(period, group.source(), group.channel(), measure(current, previous, CONTACTS, false),
                measure(current, previous, 1, true), measure(current, previous, 2, true), measure(current, previous, 3, true),
                measure(current, previous, OUT_OF_ORDER, false));
    }

    private static Measure measure(double[] current, double @Nullable [] previous, int index, boolean percentile) {
        return new Measure(value(current, index, percentile), previous == null ? null : value(previous, index, percentile),
                previous != null);
    }

    /** A count, or a percentile: none of zero contacts. */
    private static @Nullable Double value(double[] components, int index, boolean percentile) {
        return percentile && components[CONTACTS] == 0 ? null : components[index];
    }
}

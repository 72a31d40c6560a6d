package io.funnelql.queries.targets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.Period;
import io.funnelql.warehouse.CurrentState;
import io.funnelql.warehouse.Dataset;

/**
 * The targets of a warehouse (as known at an instant), and the target of any span of days.
 *
 * <p>A target is set for a metric, a period of some grain and all sources or one. A report row asks for the
 * target of its own span (a period, or a whole range) and sources. Of the grains the metric has targets in for
 * those sources, the row's own grain is tried first, then the others from the shortest to the longest; the first
 * whose targets cover every day of the span gives the target:
 * <ul>
 * <li>a metric that adds up over time (a count, an amount) takes of each target the share of its days that fall
 *     in the span: a quarterly target of 910 gives a week inside the quarter 910 x 7 / 91 = 70;</li>
 * <li>a ratio (a cost per lead, a conversion rate) takes the targets' values weighted by the days they cover: a
 *     week inside one quarter has the quarter's target.</li>
 * </ul>
 * A span that no grain covers whole has no target, rather than part of one.
 */
public final class TargetBook {

    /** No targets at all. */
    public static final TargetBook EMPTY = new TargetBook(List.of());

    private static final String SQL = """
            SELECT lower(trim(metric)) AS metric, period_start, grain, source, value
            FROM {targets}
            ORDER BY metric, source NULLS FIRST, grain, period_start""";

    private record Key(String metric, @Nullable String source) {
    }

    private final Map<Key, List<Target>> byKey = new HashMap<>();

    private TargetBook(List<Target> targets) {
        for (Target target : targets) {
            byKey.computeIfAbsent(new Key(normalize(target.metric()), target.source()), k -> new ArrayList<>()).add(target);
        }
    }

    /** A book of the given targets. */
    public static TargetBook of(List<Target> targets) {
        return new TargetBook(targets);
    }

    /**
     * The targets as the warehouse held them.
     *
     * @param knownAt the transaction time to read them at; {@code null}: the current targets
     */
    public static TargetBook read(Connection connection, @Nullable Instant knownAt) throws SQLException {
        String relation = knownAt == null ? CurrentState.now(Dataset.TARGETS) : CurrentState.knownAt(Dataset.TARGETS, "$1");
        try (PreparedStatement statement = connection.prepareStatement(SQL.replace("{targets}", relation))) {
            if (knownAt != null) {
                statement.setObject(1, OffsetDateTime.ofInstant(knownAt, ZoneOffset.UTC));
            }
            List<Target> targets = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    targets.add(new Target(rs.getString("metric"), rs.getObject("period_start", LocalDate.class),
                            Grain.valueOf(rs.getString("grain")), rs.getString("source"), rs.getDouble("value")));
                }
            }
            return new TargetBook(targets);
        }
    }

    /** The names of the metrics with a target, lower case. */
    public Set<String> metrics() {
        Set<String> metrics = new TreeSet<>();
        byKey.keySet().forEach(key -> metrics.add(key.metric()));
        return metrics;
    }

    /**
     * The target of a metric over the days {@code first..last} (inclusive) for the sources of {@code scope}.
     *
     * @param additive true for a metric that adds up over days and sources (counts, amounts); false for a ratio
     * @param grain the grain tried first: the report's
     * @return the target; {@code null} when no grain's targets cover every day, when the scope is several sources
     *         of which one has none, or for a ratio over several sources (their targets do not add up)
     */
    public @Nullable Double target(String metric, boolean additive, LocalDate first, LocalDate last, Grain grain,
                                   SourceScope scope) {
        String name = normalize(metric);
        if (scope instanceof SourceScope.One one) {
            return target(name, one.source(), additive, first, last, grain);
        }
        if (scope instanceof SourceScope.Some some) {
            return additive ? sum(name, some.sources(), first, last, grain) : null;
        }
        return scope instanceof SourceScope.All ? target(name, null, additive, first, last, grain) : null;
    }

    /** The targets of one report row: its period, the report's grain and the row's sources. */
    public RowTargets row(Period period, Grain grain, SourceScope scope) {
        return new RowTargets(this, period, grain, scope);
    }

    /**
     * The targets of one report row, its sources given as {@link SourceScope#of} takes them.
     *
     * @param rowSource the row's source when grouped by SOURCE; rowChannel likewise
     * @param sources the report's source filter; channels likewise
     */
    public RowTargets row(Period period, Grain grain, @Nullable String rowSource, @Nullable String rowChannel,
                          List<String> sources, List<String> channels) {
        return row(period, grain, SourceScope.of(rowSource, rowChannel, sources, channels));
    }

    private @Nullable Double sum(String metric, List<String> sources, LocalDate first, LocalDate last, Grain grain) {
        double sum = 0;
        for (String source : sources) {
            Double target = target(metric, source, true, first, last, grain);
            if (target == null) {
                return null;
            }
            sum += target;
        }
        return sum;
    }

    private @Nullable Double target(String metric, @Nullable String source, boolean additive, LocalDate first, LocalDate last,
                                    Grain grain) {
        List<Target> targets = byKey.get(new Key(metric, source));
        if (targets == null) {
            return null;
        }
        LocalDate end = last.plusDays(1);
        int spanDays = (int) ChronoUnit.DAYS.between(first, end);
        for (Grain candidate : order(grain)) {
            BitSet covered = new BitSet(spanDays);
            double weighted = 0;
            double overlapping = 0;
            for (Target target : targets) {
                long overlap = target.grain() == candidate ? target.overlapDays(first, end) : 0;
                if (overlap == 0) {
                    continue;
                }
                LocalDate from = target.start().isAfter(first) ? target.start() : first;
                int offset = (int) ChronoUnit.DAYS.between(first, from);
                covered.set(offset, (int) (offset + overlap));
                weighted += additive ? target.value() * overlap / target.days() : target.value() * overlap;
                overlapping += overlap;
            }
            if (covered.cardinality() == spanDays) {
                return additive ? weighted : weighted / overlapping;
            }
        }
        return null;
    }

    /** The report's grain, then the others from the shortest to the longest. */
    private static List<Grain> order(Grain first) {
        List<Grain> order = new ArrayList<>();
        order.add(first);
        for (Grain grain : Grain.values()) {
            if (grain != first) {
                order.add(grain);
            }
        }
        return order;
    }

    private static String normalize(String metric) {
        return metric.strip().toLowerCase(Locale.ROOT);
    }
}

package io.funnelql.api.saved;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.cost.CostReport;
import io.funnelql.queries.funnel.FunnelReport;
import io.funnelql.queries.funnel.FunnelRow;
import io.funnelql.queries.funnel.FunnelStep;
import io.funnelql.queries.report.GridRows;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.Period;
import io.funnelql.queries.revenue.RevenueReport;
import io.funnelql.queries.traffic.TrafficReport;
import io.funnelql.queries.velocity.VelocityReport;

/**
 * The numbers that differ between two answers of the same report: every value of every row, group total and
 * total, matched by row type, period, source, channel and metric. A funnel's values are its stage counts (its
 * rates follow from them); a metric report's are the {@code value} of every {@link Measure} of its rows, named as
 * the row's fields (and so as GraphQL names them), read from the row records so that a metric added to a report
 * is compared without being listed here.
 */
final class ReportChanges {

    /** Values closer than this (relative to their size) are equal: the same sums added in another order. */
    private static final double TOLERANCE = 1e-9;

    private record Key(String rowType, LocalDate start, LocalDate end, @Nullable String source, @Nullable String channel,
                       String metric) {
    }

    private record Value(Period period, @Nullable Double value) {
    }

    private ReportChanges() {
    }

    /** The changes from {@code saved} to {@code now}, in the order of the rows now, then rows only saved had. */
    static List<ReportChange> between(Object saved, Object now) {
        Map<Key, Value> before = values(saved);
        Map<Key, Value> after = values(now);
        List<ReportChange> changes = new ArrayList<>();
        after.forEach((key, value) -> {
            Value old = before.get(key);
            if (old == null || !same(old.value(), value.value())) {
                changes.add(change(key, value.period(), old == null ? null : old.value(), value.value()));
            }
        });
        before.forEach((key, value) -> {
            if (!after.containsKey(key) && value.value() != null) {
                changes.add(change(key, value.period(), value.value(), null));
            }
        });
        return changes;
    }

    private static ReportChange change(Key key, Period period, @Nullable Double saved, @Nullable Double now) {
        return new ReportChange(key.rowType(), period, key.source(), key.channel(), key.metric(), saved, now);
    }

    private static boolean same(@Nullable Double a, @Nullable Double b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static Map<Key, Value> values(Object report) {
        Map<Key, Value> values = new LinkedHashMap<>();
        if (report instanceof FunnelReport funnel) {
            funnel.rows().forEach(row -> steps(values, "period", row, row.steps()));
            funnel.groupTotals().forEach(row -> steps(values, "group_total", row, row.steps()));
            Period span = GridRows.span(funnel.rows().stream().map(FunnelRow::period).distinct().toList());
            steps(values, "total", new FunnelRow(span, null, null, funnel.totals()), funnel.totals());
        } else if (report instanceof TrafficReport traffic) {
            measures(values, traffic.rows(), traffic.groupTotals(), traffic.total());
        } else if (report instanceof RevenueReport revenue) {
            measures(values, revenue.rows(), revenue.groupTotals(), revenue.total());
        } else if (report instanceof CostReport cost) {
            measures(values, cost.rows(), cost.groupTotals(), cost.total());
        } else if (report instanceof VelocityReport velocity) {
            measures(values, velocity.rows(), velocity.groupTotals(), velocity.total());
        } else {
            throw new IllegalArgumentException("not a report: " + report.getClass().getName());
        }
        return values;
    }

    private static void steps(Map<Key, Value> values, String rowType, FunnelRow row, List<FunnelStep> steps) {
        for (FunnelStep step : steps) {
            Period period = row.period();
            values.put(new Key(rowType, period.start(), period.end(), row.source(), row.channel(), step.stage().name()),
                    new Value(period, (double) step.count()));
        }
    }

    private static void measures(Map<Key, Value> values, List<? extends Record> rows, List<? extends Record> groupTotals,
                                 Record total) {
        rows.forEach(row -> measures(values, "period", row));
        groupTotals.forEach(row -> measures(values, "group_total", row));
        measures(values, "total", total);
    }

    /** Every {@link Measure} of a report row record, beside its {@code period}, {@code source} and {@code channel}. */
    private static void measures(Map<Key, Value> values, String rowType, Record row) {
        Period period = (Period) Objects.requireNonNull(component(row, "period"));
        String source = (String) component(row, "source");
        String channel = (String) component(row, "channel");
        for (RecordComponent component : row.getClass().getRecordComponents()) {
            if (component.getType() == Measure.class) {
                Measure measure = (Measure) Objects.requireNonNull(read(row, component));
                values.put(new Key(rowType, period.start(), period.end(), source, channel, component.getName()),
                        new Value(period, measure.value()));
            }
        }
    }

    private static @Nullable Object component(Record row, String name) {
        for (RecordComponent component : row.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return read(row, component);
            }
        }
        throw new IllegalArgumentException(row.getClass().getSimpleName() + " has no " + name);
    }

    private static @Nullable Object read(Record row, RecordComponent component) {
        try {
            return component.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + row.getClass().getSimpleName(), e);
        }
    }
}

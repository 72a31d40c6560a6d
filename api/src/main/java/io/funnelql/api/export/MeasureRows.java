package io.funnelql.api.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.Period;

/**
 * The export of a metric report whose values are {@link Measure}s (revenue, cost, ...): one row per period,
 * group and metric, then each group's and the whole range's, with the value, its comparison, and its target and attainment where a target applies.
 */
public final class MeasureRows {

    public static final List<ExportColumn> COLUMNS = List.of(
            ExportColumn.text("row_type"), ExportColumn.date("period_start"), ExportColumn.date("period_end"),
            ExportColumn.text("period_label"), ExportColumn.bool("period_complete"), ExportColumn.text("source"),
            ExportColumn.text("channel"), ExportColumn.text("metric"), ExportColumn.decimal("value"),
            ExportColumn.decimal("previous"), ExportColumn.decimal("change"), ExportColumn.decimal("change_rate"),
            ExportColumn.decimal("target"), ExportColumn.decimal("attainment"));

    /** How to read a report row: its period and group, and its metrics by name, in export order. */
    public record Shape<R>(Function<R, Period> period, Function<R, @Nullable String> source,
                           Function<R, @Nullable String> channel, Map<String, Function<R, Measure>> metrics) {
    }

    private MeasureRows() {
    }

    /** The table of a report's rows ({@code period}), group totals ({@code group_total}) and total ({@code total}). */
    public static <R> ExportTable table(Shape<R> shape, List<R> rows, List<R> groupTotals, R total) {
        List<Object[]> out = new ArrayList<>();
        rows.forEach(row -> add(out, "period", shape, row));
        groupTotals.forEach(row -> add(out, "group_total", shape, row));
        add(out, "total", shape, total);
        return new ExportTable.Rows(COLUMNS, out.iterator());
    }

    private static <R> void add(List<Object[]> out, String type, Shape<R> shape, R row) {
        Period period = shape.period().apply(row);
        shape.metrics().forEach((name, metric) -> {
            Measure measure = metric.apply(row);
            out.add(new Object[] {type, period.start(), period.end(), period.label(), period.complete(),
                    shape.source().apply(row), shape.channel().apply(row), name, measure.value(), measure.previous(),
                    boxed(measure.change()), boxed(measure.changeRate()), measure.target(), boxed(measure.attainment())});
        });
    }

    private static @Nullable Double boxed(java.util.OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}

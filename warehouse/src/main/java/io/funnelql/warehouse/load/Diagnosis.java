package io.funnelql.warehouse.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.funnelql.warehouse.Column;
import io.funnelql.warehouse.ColumnType;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.load.HeaderResolver.Binding;

/**
 * Finds every problem in an input that failed to load, with its line (CSV) or row and column.
 *
 * <p>Runs only after the fast path failed. It reads the input again with every value as text, so each
 * bad value can be named, and for CSV lets DuckDB's reader record malformed lines instead of stopping.
 * CSV line numbers count the header as line 1 and account for values spanning lines, blank lines and
 * rejected lines.
 */
final class Diagnosis {

    private enum Kind { EMPTY, TYPE, RANGE, NEGATIVE, ALLOWED, PATTERN, DUPLICATE }

    private record Found(long rid, int order, String column, String value, Kind kind, Long related) {
    }

    private Diagnosis() {
    }

    /**
     * @return the problems (first {@link LoadRejectedException#MAX_PROBLEMS} in file order) and their total;
     *         no problems when the input is fine and the load failed for another reason
     */
    static LoadRejectedException diagnose(Connection connection, Dataset dataset, InputRelation input,
                                          List<Binding> bindings, Path file) throws SQLException {
        int width = input.headers().size();
        String columns = IntStream.range(0, width).mapToObj(i -> "CAST(#" + (i + 1) + " AS VARCHAR) AS c" + i)
                .collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS load_rejects");
            statement.execute("DROP TABLE IF EXISTS load_reject_scans");
        }
        try (PreparedStatement copy = connection.prepareStatement(
                "CREATE OR REPLACE TEMP TABLE load_diag AS SELECT " + columns + " FROM " + input.diagnosticFrom())) {
            InputRelation.bind(copy, input.binds());
            copy.execute();
        } catch (SQLException e) {
            return new LoadRejectedException(LoadProblem.ofFile(input.fileName(), DuckDbMessages.clean(e)));
        }

        List<LoadProblem> problems = new ArrayList<>();
        long total = 0;
        List<Found> found = new ArrayList<>();
        String problemSql = problemQuery(dataset, bindings);
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM (" + problemSql + ")")) {
                rs.next();
                total += rs.getLong(1);
            }
            try (ResultSet rs = statement.executeQuery(problemSql + " ORDER BY rid, ord LIMIT " + LoadRejectedException.MAX_PROBLEMS)) {
                while (rs.next()) {
                    long related = rs.getLong("related");
                    found.add(new Found(rs.getLong("rid"), rs.getInt("ord"), rs.getString("col"), rs.getString("val"),
                            Kind.valueOf(rs.getString("kind")), rs.wasNull() ? null : related));
                }
            }
        }
        Map<Long, Long> lines = Map.of();
        List<LoadProblem> rejected = List.of();
        if (input.hasLines()) {
            rejected = rejectedLines(connection, input.fileName());
            total += rejected.size();
            TreeSet<Long> skipped = new TreeSet<>(blankLines(file));
            rejected.forEach(p -> skipped.add(p.line()));
            lines = lineNumbers(connection, width, found, skipped);
        }
        Map<String, Column> byName = dataset.columns().stream().collect(Collectors.toMap(Column::name, c -> c));
        for (Found f : found) {
            Long line = lines.get(f.rid());
            Long relatedLine = f.related() == null ? null : lines.getOrDefault(f.related(), null);
            String relatedWhere = f.related() == null ? "" : relatedLine != null ? "line " + relatedLine : "row " + (f.related() + 1);
            problems.add(new LoadProblem(input.fileName(), line, f.rid() + 1, f.column(), f.value(),
                    message(dataset, byName.get(f.column()), f, relatedWhere)));
        }
        problems.addAll(rejected);
        problems.sort(Comparator.comparing((LoadProblem p) -> p.line() == null ? Long.MAX_VALUE : p.line())
                .thenComparing(p -> p.row() == null ? Long.MAX_VALUE : p.row()));
        return new LoadRejectedException(problems, total);
    }

    private static String problemQuery(Dataset dataset, List<Binding> bindings) {
        List<String> typedColumns = new ArrayList<>();
        Map<Column, Binding> bound = bindings.stream().collect(Collectors.toMap(Binding::column, b -> b));
        for (Column column : dataset.columns()) {
            Binding binding = bound.get(column);
            String value = binding == null ? "NULL::VARCHAR" : "nullif(trim(c" + binding.position() + "), '')";
            typedColumns.add(value + " AS v_" + column.dbColumn());
            typedColumns.add(ValueSql.typed(column, value, false) + " AS " + column.dbColumn());
        }
        String typed = "typed AS (SELECT rowid AS rid, " + String.join(", ", typedColumns) + " FROM load_diag)";
        List<String> checks = new ArrayList<>();
        int order = 0;
        for (Column column : dataset.columns()) {
            if (!bound.containsKey(column) && column.defaultValue() == null) {
                continue;
            }
            String v = "v_" + column.dbColumn();
            String t = column.dbColumn();
            if (column.valueRequired()) {
                checks.add(check(column, order, Kind.EMPTY, v + " IS NULL"));
            }
            if (column.type() != ColumnType.TEXT) {
                checks.add(check(column, order, Kind.TYPE, v + " IS NOT NULL AND " + t + " IS NULL"));
            }
            if (column.type().isTemporal()) {
                checks.add(check(column, order, Kind.RANGE, ValueSql.outOfRange(column, t)));
            }
            if (column.nonNegative()) {
                checks.add(check(column, order, Kind.NEGATIVE, t + " < 0"));
            }
            if (!column.allowed().isEmpty()) {
                checks.add(check(column, order, Kind.ALLOWED, ValueSql.notAllowed(column, t)));
            }
            if (column.pattern() != null) {
                checks.add(check(column, order, Kind.PATTERN, ValueSql.notMatching(column, t)));
            }
            order++;
        }
        String key = dataset.keyExpression().orElse(dataset.keyColumn());
        checks.add("SELECT rid, " + order + " AS ord, " + ValueSql.literal(dataset.keyDescription()) + " AS col, k AS val, 'DUPLICATE' AS kind, first AS related"
                + " FROM (SELECT rid, k, min(rid) OVER (PARTITION BY k) AS first FROM (SELECT rid, " + key + " AS k FROM typed) WHERE k IS NOT NULL)"
                + " WHERE rid <> first");
        return "WITH " + typed + " " + String.join("\nUNION ALL\n", checks);
    }

    private static String check(Column column, int order, Kind kind, String condition) {
        return "SELECT rid, " + order + " AS ord, " + ValueSql.literal(column.name()) + " AS col, v_" + column.dbColumn()
                + " AS val, '" + kind + "' AS kind, NULL::BIGINT AS related FROM typed WHERE " + condition;
    }

    private static String message(Dataset dataset, Column column, Found found, String relatedWhere) {
        if (found.kind() == Kind.DUPLICATE) {
            return "the same " + dataset.keyDescription() + " appears earlier in the file (" + relatedWhere
                    + "); a file may hold each record once";
        }
        String quoted = "'" + found.value() + "'";
        return switch (found.kind()) {
            case EMPTY -> column.name() + " is empty; every row needs one";
            case TYPE -> quoted + " is not " + column.type().expected();
            case RANGE -> quoted + " is outside the accepted range " + ValueSql.EARLIEST + " to 2099-12-31";
            case NEGATIVE -> quoted + " is negative; " + column.name() + " must be zero or more";
            case ALLOWED -> quoted + " is not one of " + String.join(", ", column.allowed());
            case PATTERN -> quoted + " is not a source id: use lower_snake_case, such as paid_search";
            case DUPLICATE -> throw new IllegalStateException();
        };
    }

    private static List<LoadProblem> rejectedLines(Connection connection, String fileName) throws SQLException {
        List<LoadProblem> rejected = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT line, column_name, error_type, csv_line, error_message"
                     + " FROM load_rejects ORDER BY line")) {
            while (rs.next()) {
                String column = rs.getString("column_name");
                rejected.add(new LoadProblem(fileName, rs.getLong("line"), null, column, rs.getString("csv_line"),
                        structural(rs.getString("error_type"), rs.getString("error_message"))));
            }
        } catch (SQLException e) {
            // No rejects table: the reader found no malformed lines.
            return List.of();
        }
        return rejected;
    }

    private static String structural(String type, String message) {
        return switch (type) {
            case "TOO MANY COLUMNS" -> "the line has more values than the header has columns; "
                    + "check the delimiter and that values containing it are quoted";
            case "MISSING COLUMNS" -> "the line has fewer values than the header has columns; "
                    + "check the delimiter and that values containing it are quoted";
            case "UNQUOTED VALUE" -> DuckDbMessages.clean(new SQLException(message))
                    + "; a quoted value must end with a quote before the next delimiter";
            case "INVALID UNICODE", "INVALID ENCODING" -> DuckDbMessages.clean(new SQLException(message)) + "; save the file as UTF-8";
            default -> DuckDbMessages.clean(new SQLException(message));
        };
    }

    /**
     * Maps row ids of the diagnostic table to physical line numbers: the header is line 1, each row adds
     * one line plus the line breaks inside its values, and skipped lines (blank or rejected) push later
     * rows down.
     */
    private static Map<Long, Long> lineNumbers(Connection connection, int width, List<Found> found,
                                               TreeSet<Long> skipped) throws SQLException {
        TreeSet<Long> wanted = new TreeSet<>();
        found.forEach(f -> {
            wanted.add(f.rid());
            if (f.related() != null) {
                wanted.add(f.related());
            }
        });
        Map<Long, Long> lines = new HashMap<>();
        if (wanted.isEmpty()) {
            return lines;
        }
        String newlines = IntStream.range(0, width)
                .mapToObj(i -> "coalesce(length(c" + i + ") - length(replace(c" + i + ", chr(10), '')), 0)")
                .collect(Collectors.joining(" + "));
        String ids = wanted.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String sql = "SELECT rid, coalesce(sum(nl) OVER (ORDER BY rid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)"
                + " AS before FROM (SELECT rowid AS rid, " + newlines + " AS nl FROM load_diag) QUALIFY rid IN (" + ids + ")";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                long rid = rs.getLong(1);
                long line = 2 + rid + rs.getLong(2);
                for (long skip : skipped) {
                    if (skip <= line) {
                        line++;
                    } else {
                        break;
                    }
                }
                lines.put(rid, line);
            }
        }
        return lines;
    }

    /** Lines (1-based) that are empty, which DuckDB's reader skips without a trace. */
    private static List<Long> blankLines(Path file) {
        List<Long> blank = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long line = 1;
            int lineLength = 0;
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    if (lineLength == 0) {
                        blank.add(line);
                    }
                    line++;
                    lineLength = 0;
                } else if (b != '\r') {
                    lineLength++;
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return blank;
    }
}

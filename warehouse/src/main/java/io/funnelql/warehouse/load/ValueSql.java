package io.funnelql.warehouse.load;

import java.util.stream.Collectors;

import io.funnelql.warehouse.Column;
import io.funnelql.warehouse.ColumnType;

/**
 * The SQL expressions that turn an input value into a stored one. Everything spliced in here comes from
 * the dataset definitions (types, allowed values, patterns), never from a file or a user.
 */
final class ValueSql {

    /** Temporal values must fall in [{@value #EARLIEST}, {@value #LATEST_EXCLUSIVE}). */
    static final String EARLIEST = "1900-01-01";
    static final String LATEST_EXCLUSIVE = "2100-01-01";

    private ValueSql() {
    }

    /**
     * The input value at a 0-based position for a column: text trimmed, blank as NULL; other types as read,
     * made text for a text column (a Parquet file may hold numeric ids).
     */
    static String input(Column column, int position, boolean text) {
        String ref = "#" + (position + 1);
        if (text) {
            // trim() copies every string it is given. Only a value with a space at either end, or with any
            // non-ASCII character (trim() also strips Unicode spaces), can change, so the others skip it: two
            // seconds of a 10-million-row load.
            return "CASE WHEN starts_with(" + ref + ", ' ') OR ends_with(" + ref + ", ' ') OR strlen(" + ref + ") <> length("
                    + ref + ") THEN nullif(trim(" + ref + "), '') WHEN " + ref + " = '' THEN NULL ELSE " + ref + " END";
        }
        return column.type() == ColumnType.TEXT ? "CAST(" + ref + " AS VARCHAR)" : ref;
    }

    /** The input value as text, for diagnostics. */
    static String inputText(int position) {
        return "nullif(trim(CAST(#" + (position + 1) + " AS VARCHAR)), '')";
    }

    /**
     * The stored value: cast to the column's type (failing on a bad value when {@code strict}, NULL when
     * not), allowed values in their canonical spelling, the default for an empty value.
     */
    static String typed(Column column, String value, boolean strict) {
        String expression;
        if (column.type() == ColumnType.TEXT) {
            expression = value;
        } else {
            expression = (strict ? "CAST(" : "TRY_CAST(") + value + " AS " + column.type().sqlType() + ")";
            if (!strict && column.type() == ColumnType.NUMBER) {
                // NaN and Infinity cast to DOUBLE but are no number a report can add up: a bad value like any other.
                expression = "CASE WHEN isfinite(" + expression + ") THEN " + expression + " END";
            }
        }
        if (!column.allowed().isEmpty()) {
            expression = "CASE lower(" + value + ") "
                    + column.allowed().stream().map(a -> "WHEN " + literal(a.toLowerCase(java.util.Locale.ROOT)) + " THEN " + literal(a))
                            .collect(Collectors.joining(" "))
                    + " ELSE " + value + " END";
        }
        if (column.defaultValue() != null) {
            expression = "coalesce(" + expression + ", " + literal(column.defaultValue()) + ")";
        }
        return expression;
    }

    /** True (for the stored value {@code stored}) when it breaks a rule the cast alone does not check. */
    static String violation(Column column, String stored) {
        StringBuilder conditions = new StringBuilder();
        if (column.valueRequired()) {
            or(conditions, stored + " IS NULL");
        }
        if (column.type().isTemporal()) {
            or(conditions, outOfRange(column, stored));
        }
        if (column.nonNegative()) {
            or(conditions, stored + " < 0");
        }
        if (column.type() == ColumnType.NUMBER) {
            or(conditions, "NOT isfinite(" + stored + ")");
        }
        if (!column.allowed().isEmpty()) {
            or(conditions, notAllowed(column, stored));
        }
        if (column.pattern() != null) {
            or(conditions, notMatching(column, stored));
        }
        return conditions.length() == 0 ? "false" : conditions.toString();
    }

    /**
     * The stored value, or an error that stops the statement when it breaks a rule of its column; the
     * message is never shown (a failed fast path is diagnosed in full).
     */
    static String checked(Column column, String stored) {
        String violation = violation(column, stored);
        return violation.equals("false") ? stored
                : "CASE WHEN " + violation + " THEN error('value breaks a rule of " + column.name() + "') ELSE " + stored + " END";
    }

    static String outOfRange(Column column, String stored) {
        String type = column.type() == ColumnType.DATE ? "DATE" : "TIMESTAMPTZ";
        return "(" + stored + " < " + type + " '" + EARLIEST + "' OR " + stored + " >= " + type + " '" + LATEST_EXCLUSIVE + "')";
    }

    static String notAllowed(Column column, String stored) {
        return "(" + stored + " NOT IN (" + column.allowed().stream().map(ValueSql::literal).collect(Collectors.joining(", ")) + "))";
    }

    static String notMatching(Column column, String stored) {
        return "(NOT regexp_full_match(" + stored + ", " + literal(column.pattern()) + "))";
    }

    private static void or(StringBuilder conditions, String condition) {
        if (conditions.length() > 0) {
            conditions.append(" OR ");
        }
        conditions.append(condition);
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}

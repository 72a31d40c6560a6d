package io.funnelql.api.export;

import java.util.Objects;

/**
 * A column of an exported table.
 *
 * @param name the column's name (snake_case)
 * @param type its type; values are Java {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 *        {@code LocalDate} or {@code Instant} accordingly, or null
 */
public record ExportColumn(String name, Type type) {

    /** The column types exports use, each with one Arrow and one CSV form. */
    public enum Type { TEXT, INTEGER, FLOAT, BOOLEAN, DATE, TIMESTAMP }

    public ExportColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static ExportColumn text(String name) {
        return new ExportColumn(name, Type.TEXT);
    }

    public static ExportColumn integer(String name) {
        return new ExportColumn(name, Type.INTEGER);
    }

    public static ExportColumn decimal(String name) {
        return new ExportColumn(name, Type.FLOAT);
    }

    public static ExportColumn bool(String name) {
        return new ExportColumn(name, Type.BOOLEAN);
    }

    public static ExportColumn date(String name) {
        return new ExportColumn(name, Type.DATE);
    }

    public static ExportColumn timestamp(String name) {
        return new ExportColumn(name, Type.TIMESTAMP);
    }
}

package io.funnelql.warehouse;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A column of a dataset as users write it in a file, and as it is stored.
 *
 * @param name the canonical header ({@code created_at})
 * @param dbColumn the stored column ({@code source} is stored as {@code source_raw} beside its normalised form)
 * @param type the stored type
 * @param required a file must have the column
 * @param blankAllowed rows may leave a required column empty (a blank source becomes {@code unknown})
 * @param aliases other headers that mean this column (HubSpot's export headers), matched like {@code name}
 * @param allowed the only values accepted (matched case-insensitively, stored as written here); empty: any
 * @param nonNegative numbers below zero are rejected
 * @param defaultValue stored when the value is empty; {@code null}: stays empty
 * @param pattern a regular expression a text value must match; {@code null}: any
 */
public record Column(String name, String dbColumn, ColumnType type, boolean required, boolean blankAllowed,
                     List<String> aliases,
                     List<String> allowed, boolean nonNegative, @Nullable String defaultValue,
                     @Nullable String pattern) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dbColumn, "dbColumn");
        Objects.requireNonNull(type, "type");
        aliases = List.copyOf(aliases);
        allowed = List.copyOf(allowed);
    }

    static Column required(String name, ColumnType type) {
        return new Column(name, name, type, true, false, List.of(), List.of(), false, null, null);
    }

    static Column optional(String name, ColumnType type) {
        return new Column(name, name, type, false, true, List.of(), List.of(), false, null, null);
    }

    Column storedAs(String column) {
        return new Column(name, column, type, required, blankAllowed, aliases, allowed, nonNegative, defaultValue, pattern);
    }

    Column withBlankAllowed() {
        return new Column(name, dbColumn, type, required, true, aliases, allowed, nonNegative, defaultValue, pattern);
    }

    /** True when every row must have a value. */
    public boolean valueRequired() {
        return required && !blankAllowed && defaultValue == null;
    }

    Column withAliases(String... headers) {
        return new Column(name, dbColumn, type, required, blankAllowed, List.of(headers), allowed, nonNegative, defaultValue, pattern);
    }

    Column withAllowed(String... values) {
        return new Column(name, dbColumn, type, required, blankAllowed, aliases, List.of(values), nonNegative, defaultValue, pattern);
    }

    Column withNonNegative() {
        return new Column(name, dbColumn, type, required, blankAllowed, aliases, allowed, true, defaultValue, pattern);
    }

    Column withDefault(String value) {
        return new Column(name, dbColumn, type, required, blankAllowed, aliases, allowed, nonNegative, value, pattern);
    }

    Column withPattern(String regex) {
        return new Column(name, dbColumn, type, required, blankAllowed, aliases, allowed, nonNegative, defaultValue, regex);
    }

    /**
     * A header reduced to what matching compares: lower case, every run of characters other than letters
     * and digits made one underscore, trimmed of underscores. "Create Date" and "create_date" match.
     */
    public static String normalizeHeader(String header) {
        String lower = header.strip().toLowerCase(Locale.ROOT);
        return lower.replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_+|_+$", "");
    }
}

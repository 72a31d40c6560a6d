package io.funnelql.warehouse.load;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a file that was to be loaded.
 *
 * @param file the file name as the user gave it
 * @param line the line in a CSV file (1 is the header), when the problem has one
 * @param row the data row (1 is the first row after the header; Parquet and Arrow rows too), when the problem has one
 * @param column the canonical column ({@code created_at}), when the problem is about one
 * @param value the offending value as written, shortened to 200 characters
 * @param message what is wrong and what is expected, in words a user can act on
 */
public record LoadProblem(String file, @Nullable Long line, @Nullable Long row, @Nullable String column,
                          @Nullable String value, String message) {

    static final int MAX_VALUE_LENGTH = 200;

    public LoadProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            value = value.substring(0, MAX_VALUE_LENGTH) + "… (" + value.length() + " characters)";
        }
    }

    static LoadProblem ofFile(String file, String message) {
        return new LoadProblem(file, null, null, null, null, message);
    }

    static LoadProblem ofColumn(String file, String column, String message) {
        return new LoadProblem(file, null, null, column, null, message);
    }

    /** "contacts.csv line 4, column created_at: ..." */
    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file);
        if (line != null) {
            where.append(" line ").append(line);
        } else if (row != null) {
            where.append(" row ").append(row);
        }
        if (column != null) {
            where.append(", column ").append(column);
        }
        return where + ": " + message;
    }
}

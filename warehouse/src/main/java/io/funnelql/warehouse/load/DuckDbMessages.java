package io.funnelql.warehouse.load;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB's error messages, cut to what a user can act on: no SQL text or caret lines, no dump of the reader's
 * options, no advice about DuckDB settings a user cannot change, no Java stack frames, no file paths (a server
 * reads a temporary copy of an upload) and no quoted input line, which may be megabytes long.
 */
final class DuckDbMessages {

    /** The longest message kept; what DuckDB adds beyond it is detail, not the problem. */
    static final int MAX_LENGTH = 400;

    private static final Pattern PREFIX = Pattern.compile("^(?:(?:java\\.sql\\.SQLException|java\\.io\\.IOException|"
            + "Invalid Input Error|Conversion Error|IO Error|Binder Error|Constraint Error|Parser Error|Invalid Error|"
            + "INTERNAL Error): ?)+");
    private static final Pattern QUOTED_PATH = Pattern.compile("\\s*[\"'](?:/|[A-Za-z]:\\\\)[^\"']*[\"']");
    private static final Pattern LINE_TOO_LONG = Pattern.compile(
            "Maximum line size of (\\d+) bytes exceeded\\. Actual Size: ?(\\d+) bytes");
    private static final String NO_DIALECT = "It was not possible to automatically detect the CSV parsing dialect";

    private DuckDbMessages() {
    }

    static String clean(SQLException e) {
        return clean(String.valueOf(e.getMessage()));
    }

    /** The text of an error from DuckDB or a reader, cleaned as the class describes. */
    static String clean(String text) {
        String message = cutAt(text, "\n\n", "\n\tat ", "\nPossible fixes:", "\nPossible Solution:",
                "\nThe search space used was:");
        message = message.replaceAll("(?m)^Original Line:.*$", "");
        message = PREFIX.matcher(message.strip()).replaceFirst("");
        message = QUOTED_PATH.matcher(message).replaceAll("");
        Matcher tooLong = LINE_TOO_LONG.matcher(message);
        if (tooLong.find()) {
            return "a line is " + tooLong.group(2) + " bytes long, more than the " + tooLong.group(1)
                    + " a CSV line may have; is a quoted value left open?";
        }
        if (message.contains(NO_DIALECT)) {
            return "its lines do not read as one CSV dialect: check for a quoted value that is not closed, lines "
                    + "ending in two ways (CR LF and LF), or values separated by something else than the header's delimiter";
        }
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) + "…" : message;
    }

    private static String cutAt(String text, String... markers) {
        int end = text.length();
        for (String marker : markers) {
            int at = text.indexOf(marker);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return text.substring(0, end);
    }
}

package io.funnelql.warehouse.load;

import java.sql.SQLException;

/** DuckDB's error messages, cut to what a user can act on (no SQL text, no caret lines). */
final class DuckDbMessages {

    private DuckDbMessages() {
    }

    static String clean(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int lineMarker = message.indexOf("\n\nLINE ");
        if (lineMarker >= 0) {
            message = message.substring(0, lineMarker);
        }
        message = message.replaceFirst("^(Invalid Input Error|Conversion Error|IO Error|Binder Error|"
                + "Constraint Error|Parser Error|Invalid Error): ", "");
        int options = message.indexOf("\n\nThe options are set to:");
        if (options >= 0) {
            message = message.substring(0, options);
        }
        return message.strip();
    }
}

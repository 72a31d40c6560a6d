package io.funnelql.api.export;

import java.util.Collection;

/** An export of a report that does not exist; answered 404 naming the reports that do. */
final class UnknownReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnknownReportException(String report, Collection<String> reports) {
        super("Unknown report '" + report + "'. The reports are: " + String.join(", ", reports) + ".");
    }
}

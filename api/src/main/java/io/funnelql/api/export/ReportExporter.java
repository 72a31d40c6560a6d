package io.funnelql.api.export;

import java.util.Map;

/**
 * Turns a report's input (the same JSON as its GraphQL input) into the table to export. One bean per report;
 * its {@link #report()} is the {@code {report}} of {@code POST /api/export/{report}}.
 */
public interface ReportExporter {

    /** The report's name in the export URL: {@code funnel}, {@code contacts}, ... */
    String report();

    /**
     * Runs the report.
     *
     * @param input the request body, parsed as JSON
     * @throws IllegalArgumentException (a {@code BadQueryException}) when the input cannot be answered
     */
    ExportTable export(Map<String, Object> input);
}

package io.funnelql.queries.quality;

/** How much a data-quality problem matters to the numbers. */
public enum Severity {

    /** Numbers are wrong or cannot be attributed until the data is fixed. */
    ERROR,

    /** Numbers are probably inflated or misleading. */
    WARNING,

    /** Worth knowing; the numbers are as the data says. */
    INFO
}

package io.funnelql.warehouse;

/** The type of a dataset column, with the DuckDB type it is stored as and how a user should write it. */
public enum ColumnType {
    TEXT("VARCHAR", "text"),
    /** An instant; a value without offset is read in the workspace time zone. */
    TIMESTAMP("TIMESTAMPTZ", "a date or date-time such as 2024-06-01, 2024-06-01 14:30 or 2024-06-01T14:30:00+02:00"),
    DATE("DATE", "a date such as 2024-06-01"),
    MONEY("DECIMAL(18, 2)", "a number such as 1200 or 1200.50 (no thousands separators or currency signs)"),
    NUMBER("DOUBLE", "a number such as 42 or 0.25"),
    INTEGER("INTEGER", "a whole number such as 3"),
    BOOLEAN("BOOLEAN", "true or false (also yes/no, 1/0)");

    private final String sqlType;
    private final String expected;

    ColumnType(String sqlType, String expected) {
        this.sqlType = sqlType;
        this.expected = expected;
    }

    /** The DuckDB type of the stored column. */
    public String sqlType() {
        return sqlType;
    }

    /** How a value of this type is written, for error messages. */
    public String expected() {
        return expected;
    }

    /** True when a value must fall within the plausible calendar range. */
    public boolean isTemporal() {
        return this == TIMESTAMP || this == DATE;
    }
}

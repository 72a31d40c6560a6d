package io.funnelql.warehouse;

import static io.funnelql.warehouse.Column.optional;
import static io.funnelql.warehouse.Column.required;
import static io.funnelql.warehouse.ColumnType.BOOLEAN;
import static io.funnelql.warehouse.ColumnType.DATE;
import static io.funnelql.warehouse.ColumnType.INTEGER;
import static io.funnelql.warehouse.ColumnType.MONEY;
import static io.funnelql.warehouse.ColumnType.NUMBER;
import static io.funnelql.warehouse.ColumnType.TEXT;
import static io.funnelql.warehouse.ColumnType.TIMESTAMP;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The datasets a warehouse holds, with their columns as DESIGN.md lists them.
 *
 * <p>Each dataset has a raw relation ({@code raw_<id>}, append-only, every version of every record) and a
 * current table ({@code <id>}, the latest committed version of each record). The raw relation is a view
 * over the current table and {@code superseded_<id>}, where a version moves when a later load replaces it. A record is identified by
 * its id column, or for datasets without one by a {@code record_key} built from its natural key.
 */
public enum Dataset {

    CONTACTS("contacts", "contact_id", null, SourceNormalization.SOURCE_AND_CHANNEL, List.of(
            required("contact_id", TEXT).withAliases("Record ID", "Contact ID", "id"),
            required("created_at", TIMESTAMP).withAliases("Create Date", "Created Date", "createdate"),
            optional("source", TEXT).storedAs("source_raw").withAliases("Original Source", "hs_analytics_source"),
            optional("source_detail", TEXT).withAliases("Original Source Drill-Down 1", "hs_analytics_source_data_1"),
            optional("email", TEXT).withAliases("Email", "Email Address"),
            optional("company", TEXT).withAliases("Company Name", "Company"),
            optional("lifecycle_stage", TEXT).withAliases("Lifecycle Stage", "lifecyclestage"),
            optional("subscriber_at", TIMESTAMP).withAliases("Became a Subscriber Date"),
            optional("lead_at", TIMESTAMP).withAliases("Became a Lead Date"),
            optional("mql_at", TIMESTAMP).withAliases("Became a Marketing Qualified Lead Date"),
            optional("sql_at", TIMESTAMP).withAliases("Became a Sales Qualified Lead Date"),
            optional("opportunity_at", TIMESTAMP).withAliases("Became an Opportunity Date"),
            optional("customer_at", TIMESTAMP).withAliases("Became a Customer Date"),
            optional("evangelist_at", TIMESTAMP).withAliases("Became an Evangelist Date"),
            optional("updated_at", TIMESTAMP).withAliases("Last Modified Date"))),

    SESSIONS("sessions", "session_id", null, SourceNormalization.SOURCE_AND_CHANNEL, List.of(
            required("session_id", TEXT),
            required("started_at", TIMESTAMP),
            required("source", TEXT).storedAs("source_raw").withBlankAllowed(),
            optional("visitor_id", TEXT),
            optional("contact_id", TEXT),
            optional("landing_page", TEXT),
            optional("pageviews", INTEGER).withNonNegative(),
            optional("duration_seconds", INTEGER).withNonNegative(),
            optional("bounced", BOOLEAN))),

    DEALS("deals", "deal_id", null, SourceNormalization.NONE, List.of(
            required("deal_id", TEXT),
            required("amount", MONEY).withNonNegative(),
            required("closed_at", TIMESTAMP),
            optional("contact_id", TEXT),
            optional("status", TEXT).withAllowed("won", "lost", "open").withDefault("won"),
            optional("currency", TEXT),
            optional("type", TEXT).withAllowed("new", "expansion", "renewal", "churn"),
            optional("mrr", MONEY).withNonNegative(),
            optional("churned_at", TIMESTAMP))),

    SPEND("spend", "record_key",
            "strftime(date, '%Y-%m-%d') || '|' || coalesce(lower(source_raw), '') || '|' || coalesce(lower(campaign), '')",
            SourceNormalization.SOURCE_AND_CHANNEL, List.of(
            required("date", DATE),
            required("source", TEXT).storedAs("source_raw").withBlankAllowed(),
            required("amount", MONEY).withNonNegative(),
            optional("campaign", TEXT),
            optional("currency", TEXT))),

    TARGETS("targets", "record_key",
            "lower(metric) || '|' || strftime(period_start, '%Y-%m-%d') || '|' || grain || '|' || coalesce(lower(source_raw), '')",
            SourceNormalization.SOURCE_ONLY, List.of(
            required("metric", TEXT),
            required("period_start", DATE),
            required("grain", TEXT).withAllowed("DAY", "WEEK", "MONTH", "QUARTER", "YEAR"),
            required("value", NUMBER),
            optional("source", TEXT).storedAs("source_raw"))),

    METRIC_VALUES("metric_values", "record_key",
            "lower(metric) || '|' || strftime(date, '%Y-%m-%d') || '|' || coalesce(lower(source_raw), '')",
            SourceNormalization.SOURCE_ONLY, List.of(
            required("metric", TEXT),
            required("date", DATE),
            required("value", NUMBER),
            optional("source", TEXT).storedAs("source_raw"),
            optional("note", TEXT))),

    SOURCE_MAP("source_map", "record_key", "lower(raw_source)", SourceNormalization.NONE, List.of(
            required("raw_source", TEXT),
            required("source", TEXT).withPattern("[a-z][a-z0-9_]*"),
            optional("channel", TEXT).withAllowed("inbound", "outbound")));

    /** How a dataset's {@code source_raw} becomes a canonical source in the current table. */
    public enum SourceNormalization {
        /** No source column. */
        NONE,
        /** {@code source} and {@code channel}; a blank source becomes {@code unknown}. */
        SOURCE_AND_CHANNEL,
        /** {@code source} only; a blank source stays empty and means "all sources". */
        SOURCE_ONLY
    }

    private final String id;
    private final String keyColumn;
    private final @Nullable String keyExpression;
    private final SourceNormalization sourceNormalization;
    private final List<Column> columns;

    Dataset(String id, String keyColumn, @Nullable String keyExpression, SourceNormalization sourceNormalization,
            List<Column> columns) {
        this.id = id;
        this.keyColumn = keyColumn;
        this.keyExpression = keyExpression;
        this.sourceNormalization = sourceNormalization;
        this.columns = List.copyOf(columns);
    }

    /** The name users and URLs use: {@code contacts}, {@code metric_values}. */
    public String id() {
        return id;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Column> requiredColumns() {
        return columns.stream().filter(Column::required).toList();
    }

    /** The stored column that identifies a record ({@code contact_id}, or {@code record_key}). */
    public String keyColumn() {
        return keyColumn;
    }

    /** True when the dataset has no id column and its key is built from its natural key columns. */
    public boolean hasCompositeKey() {
        return keyExpression != null;
    }

    /**
     * The SQL expression (over the stored column names) that builds {@code record_key}; empty for datasets
     * identified by an id column.
     */
    public Optional<String> keyExpression() {
        return Optional.ofNullable(keyExpression);
    }

    /** The natural key as users know it, for messages: "contact_id" or "date, source, campaign". */
    public String keyDescription() {
        return switch (this) {
            case SPEND -> "date, source and campaign";
            case TARGETS -> "metric, period_start, grain and source";
            case METRIC_VALUES -> "metric, date and source";
            case SOURCE_MAP -> "raw_source";
            default -> keyColumn;
        };
    }

    public SourceNormalization sourceNormalization() {
        return sourceNormalization;
    }

    /**
     * The raw relation: every version of every record, stamped with its {@code load_id}. A view over the
     * current and the superseded table, so that each version is stored once.
     */
    public String rawTable() {
        return "raw_" + id;
    }

    /** The table of current versions: the latest committed version of each record, sources normalised. */
    public String currentTable() {
        return id;
    }

    /** The table of versions a later load replaced; with {@link #currentTable()} it makes up the raw relation. */
    public String supersededTable() {
        return "superseded_" + id;
    }

    /** The stored columns of the raw table after {@code load_id}, in table order. */
    public List<String> storedColumns() {
        List<String> stored = new java.util.ArrayList<>();
        if (hasCompositeKey()) {
            stored.add("record_key");
        }
        columns.forEach(c -> stored.add(c.dbColumn()));
        return List.copyOf(stored);
    }

    /** The dataset with this id, case-insensitively ({@code Contacts}, {@code metric-values} too). */
    public static Optional<Dataset> byId(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(d -> d.id.equals(wanted)).findFirst();
    }

    /** The ids of all datasets, for messages. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Dataset::id).toList());
    }
}

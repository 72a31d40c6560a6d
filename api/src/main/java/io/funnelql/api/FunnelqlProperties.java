package io.funnelql.api;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * FunnelQL's settings, the {@code funnelql.*} properties (application.yml, {@code --funnelql.x=...},
 * {@code FUNNELQL_X} environment variables). docs/configuration.md describes each one.
 *
 * @param database the warehouse file (created if missing); {@value #IN_MEMORY} keeps the warehouse in memory,
 *        lost on exit
 * @param demo serve a fresh warehouse filled with demo data instead of {@code database}
 * @param timeZone the workspace time zone: timestamps without an offset are read in it, and reports compute
 *        their periods in it unless a query names another
 * @param weekStart the first day of a WEEK period, unless a query names another
 * @param fiscalYearStartMonth the month (1 = January) that QUARTER and YEAR periods start from
 * @param maxPeriods the most periods one report may have; a larger range is refused as bad input
 * @param memoryLimit DuckDB's memory limit ({@code 4GB}); empty: three quarters of the memory the JVM heap leaves
 * @param threads DuckDB's worker threads; empty: one per core
 * @param maxCells the most rows (periods x groups) one report may have; a larger report is refused as bad input
 * @param queryTimeout the longest one report may compute; its DuckDB statement is then cancelled and the report
 *        refused as bad input
 * @param maxUploadSize the largest file one load over HTTP may send; a larger one is answered 413
 * @param maxRequestSize the largest body any other request (GraphQL, export) may send; a larger one is answered 413
 * @param workspaces more workspaces besides {@value io.funnelql.api.workspace.Workspaces#DEFAULT} (which
 *        {@code database} names), by name: one warehouse file each, for an agency serving several clients
 */
@ConfigurationProperties("funnelql")
public record FunnelqlProperties(
        @DefaultValue(DEFAULT_DATABASE) String database,
        @DefaultValue("false") boolean demo,
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("MONDAY") DayOfWeek weekStart,
        @DefaultValue("1") int fiscalYearStartMonth,
        @DefaultValue("1000") int maxPeriods,
        @Nullable String memoryLimit,
        @Nullable Integer threads,
        @DefaultValue("100000") int maxCells,
        @DefaultValue("30s") Duration queryTimeout,
        @DefaultValue("2GB") DataSize maxUploadSize,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue Map<String, NamedWorkspace> workspaces) {

    /** Where the warehouse lives unless configured: a file in the working directory. */
    public static final String DEFAULT_DATABASE = "./funnelql.duckdb";

    /** The {@code database} value that keeps the warehouse in memory (DuckDB's own spelling). */
    public static final String IN_MEMORY = ":memory:";

    @ConstructorBinding
    public FunnelqlProperties {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(weekStart, "weekStart");
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("funnelql.database must name a file (or " + IN_MEMORY + ")");
        }
        if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
            throw new IllegalArgumentException("funnelql.fiscal-year-start-month must be 1 (January) to 12 (December), got "
                    + fiscalYearStartMonth);
        }
        if (maxPeriods < 1) {
            throw new IllegalArgumentException("funnelql.max-periods must be at least 1, got " + maxPeriods);
        }
        if (memoryLimit != null && memoryLimit.isBlank()) {
            memoryLimit = null;
        }
        if (maxCells < 1) {
            throw new IllegalArgumentException("funnelql.max-cells must be at least 1, got " + maxCells);
        }
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException("funnelql.query-timeout must be positive, such as 30s, got " + queryTimeout);
        }
        if (maxUploadSize.toBytes() < 1 || maxRequestSize.toBytes() < 1) {
            throw new IllegalArgumentException("funnelql.max-upload-size and funnelql.max-request-size must be positive");
        }
        workspaces = workspaces == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(workspaces));
        // Checks memory-limit and threads now, so that a bad value stops the start-up with its name.
        new WarehouseSettings(timeZone, memoryLimit, threads);
    }

    /** Settings with every limit at its default and no workspace but {@code default}. */
    public FunnelqlProperties(String database, boolean demo, ZoneId timeZone, DayOfWeek weekStart, int fiscalYearStartMonth,
                              int maxPeriods, @Nullable String memoryLimit, @Nullable Integer threads) {
        this(database, demo, timeZone, weekStart, fiscalYearStartMonth, maxPeriods, memoryLimit, threads, 100_000,
                ReportSettings.DEFAULT_TIMEOUT, DataSize.ofGigabytes(2), DataSize.ofMegabytes(1), Map.of());
    }

    /**
     * A workspace besides {@code default}: {@code funnelql.workspaces.<name>.database=PATH}.
     *
     * @param database its warehouse file (created if missing), or {@value #IN_MEMORY}
     */
    public record NamedWorkspace(String database) {

        public NamedWorkspace {
            if (database == null || database.isBlank()) {
                throw new IllegalArgumentException("funnelql.workspaces.<name>.database must name a file (or " + IN_MEMORY + ")");
            }
        }

        /** True when {@code database} asks for a warehouse in memory. */
        public boolean inMemory() {
            return IN_MEMORY.equals(database.strip());
        }
    }

    /** How the workspace's warehouse is opened. */
    public WarehouseSettings warehouseSettings() {
        return new WarehouseSettings(timeZone, memoryLimit, threads);
    }

    /** The report defaults and limits every workspace's reports use. */
    public ReportSettings reportSettings() {
        return new ReportSettings(timeZone, weekStart, fiscalYearStartMonth, maxPeriods, maxCells, queryTimeout);
    }

    /** True when {@code database} asks for a warehouse in memory. */
    public boolean inMemory() {
        return IN_MEMORY.equals(database.strip());
    }
}

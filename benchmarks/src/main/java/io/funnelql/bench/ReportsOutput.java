package io.funnelql.bench;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Prints a reports run's results: what ran where, one table per phase, the peak memory of each phase and
 * each goal met or missed.
 */
final class ReportsOutput {

    private final ReportsBenchmark.Results r;
    private final List<String> goals = new ArrayList<>();
    private boolean ok = true;

    ReportsOutput(ReportsBenchmark.Results results) {
        this.r = results;
    }

    /** Prints everything; false when any two answers of the same report differed or a request failed. */
    boolean print(PrintStream out) {
        header(out);
        reports(out);
        export(out);
        concurrency(out);
        loading(out);
        postgres(out);
        memory(out);
        out.println();
        out.println("Goals");
        goals.forEach(goal -> out.println("  " + goal));
        if (!ok) {
            out.println("FAILED: answers differed or requests failed (see above)");
        }
        return ok;
    }

    private void header(PrintStream out) {
        ReportsBenchmark.Settings s = r.settings();
        out.println("FunnelQL reports benchmark");
        out.printf(Locale.ROOT, "date      %s%n", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        out.printf(Locale.ROOT, "machine   %d cores, %.1f GiB memory; load average %.2f at the start, %.2f at the end%n",
                Runtime.getRuntime().availableProcessors(), Memory.machineBytes() / (double) (1L << 30), r.loadAverageAtStart(),
                Memory.loadAverage());
        out.printf(Locale.ROOT, "software  Java %s (%s), DuckDB %s%s%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), r.duckDbVersion(), r.postgres() == null ? "" : ", " + r.postgres().version());
        out.printf(Locale.ROOT, "scale     %,d contacts, %,d sessions (seed %d, %s to %s, UTC); %s %s (%s)%n", r.spec().contacts(),
                r.spec().sessions(), r.spec().seed(), r.spec().from(), r.spec().until(),
                r.warehouse().reused() ? "reused" : String.format(Locale.ROOT, "generated in %.1f s,", r.warehouse().generatedSeconds()),
                r.warehouse().file(), Memory.gigabytes(r.warehouseBytes()));
        out.printf(Locale.ROOT, "settings  DuckDB memory limit: %s; server warmed up for %d s; %d timed runs after %d warm-up runs, "
                + "interleaved (raw scans: %d); percentiles nearest-rank%n", s.memoryLimit() == null ? "FunnelQL's default" : s.memoryLimit(),
                s.warmSeconds(), s.runs(), s.warmup(), s.rawRuns());
        out.printf(Locale.ROOT, "command   %s%n", s.command());
    }

    private void reports(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-42s %8s %8s %7s %8s %8s %7s %9s %7s %7s  %s%n", "Reports (ms)", "e2e p50", "e2e p95",
                "cached", "service", "direct", "e2e/", "raw p50", "raw/", "answer", "numbers");
        out.printf(Locale.ROOT, "%-42s %8s %8s %7s %8s %8s %7s %9s %7s %7s%n", "", "no-cache", "no-cache", "p50", "p50", "SQL p50",
                "direct", "scan", "e2e", "KB");
        for (ReportTimings.Result result : r.reports()) {
            out.printf(Locale.ROOT, "%-42s %8.2f %8.2f %7.2f %8.2f %8.2f %7.2f %9.1f %7.1f %7.1f  %s%n", result.workload().name(),
                    result.endToEnd().millis(0.5), result.endToEnd().millis(0.95), result.cached().millis(0.5),
                    result.service().millis(0.5), result.direct().millis(0.5), result.endToEndOverDirect(),
                    result.raw().millis(0.5), result.rawOverEndToEnd(), result.answerBytes() / 1024.0,
                    (result.identical() ? "identical (" : "DIFFERENT (") + result.numbers() + ")");
            ok &= result.identical();
        }
        out.printf(Locale.ROOT, "Smallest GraphQL request over HTTP ({ __typename }): p50 %.2f ms, p95 %.2f ms%n", r.httpFloor().millis(0.5),
                r.httpFloor().millis(0.95));
        out.println();
        out.printf(Locale.ROOT, "%-42s %8s %8s %8s %8s %7s %7s%n", "Floor of an uncached answer (ms)", "direct", "JSON",
                "cached", "floor", "floor/", "e2e/");
        out.printf(Locale.ROOT, "%-42s %8s %8s %8s %8s %7s %7s%n", "", "SQL p50", "p50", "p50", "", "direct", "direct");
        for (ReportTimings.Result result : r.reports()) {
            out.printf(Locale.ROOT, "%-42s %8.2f %8.2f %8.2f %8.2f %7.2f %7.2f%n", result.workload().name(), result.direct().millis(0.5),
                    result.json().millis(0.5), result.cached().millis(0.5), result.floorMillis(), result.floorOverDirect(),
                    result.endToEndOverDirect());
        }
        goal("cached p50 under 2 ms", r.reports().stream().allMatch(x -> x.cached().millis(0.5) < 2), "ms",
                x -> x.cached().millis(0.5));
        goal("end to end within 1.2x of the same SQL run directly (funnel issue)",
                r.reports().stream().allMatch(x -> x.endToEndOverDirect() <= 1.2), "x", ReportTimings.Result::endToEndOverDirect);
        goal("raw scan at least 5x the end-to-end time, numbers identical (speed issue)",
                r.reports().stream().allMatch(x -> x.rawOverEndToEnd() >= 5 && x.identical()), "x", ReportTimings.Result::rawOverEndToEnd);
    }

    private void goal(String name, boolean met, String unit, ToDoubleFunction<ReportTimings.Result> value) {
        List<String> values = r.reports().stream().map(x -> String.format(Locale.ROOT, "%.2f", value.applyAsDouble(x))).toList();
        goals.add(String.format(Locale.ROOT, "%-75s %s (%s %s)", name, met ? "met" : "MISSED", String.join(", ", values), unit));
    }

    private void export(PrintStream out) {
        ExportBenchmark.Result e = r.export();
        out.println();
        out.printf(Locale.ROOT, "Arrow export of every contact: %,d rows, %s as Arrow IPC; median of %d runs after 1 untimed%n",
                e.rows(), Memory.gigabytes(e.bytes()), e.http().size());
        row(out, "DuckDB Arrow export in process, batches dropped", e, e.duckDb());
        row(out, "  the same, its " + e.textColumns().size() + " text columns only", e, e.text());
        row(out, "  the same, its " + e.otherColumns().size() + " other columns only", e, e.other());
        row(out, "  all columns, " + e.enumColumns().size() + " text columns as ENUMs", e, e.enums());
        row(out, "DuckDB Arrow export written as Arrow IPC, no HTTP", e, e.ipc());
        row(out, "POST /api/export/contacts, client reads the bytes", e, e.httpBytes());
        row(out, "POST /api/export/contacts, client decodes batches", e, e.http());
        double rate = e.rowsPerSecond(e.http());
        goals.add(String.format(Locale.ROOT, "%-75s %s (%,.0f rows/s)", "Arrow export at 5,000,000 rows/s or more",
                rate >= 5_000_000 ? "met" : "MISSED", rate));
    }

    private static void row(PrintStream out, String name, ExportBenchmark.Result e, Samples samples) {
        out.printf(Locale.ROOT, "  %-52s %8.3f s %,14.0f rows/s%n", name, samples.medianSeconds(), e.rowsPerSecond(samples));
    }

    private void concurrency(PrintStream out) {
        Clients.Result mixed = r.mixed();
        ReportsBenchmark.LoadDuringReads load = r.duringLoad();
        out.println();
        out.printf(Locale.ROOT, "Concurrent clients, uncached (no-cache), the %d reports above in turn%n", r.reports().size());
        clients(out, "alone for " + r.settings().seconds() + " s", mixed);
        clients(out, "while the contacts CSV loads over HTTP", load.clients());
        out.printf(Locale.ROOT, "  load over HTTP: %,d contacts in %.1f s (%,.0f rows/s)%s%n", load.rows(), load.seconds(),
                load.rows() / load.seconds(), load.failure() == null ? "" : "; FAILED: " + load.failure());
        boolean clean = mixed.errorCount() == 0 && load.clients().errorCount() == 0 && load.failure() == null;
        ok &= clean;
        goals.add(String.format(Locale.ROOT, "%-75s %s (%d and %d errors)", r.settings().clients()
                + " clients without errors, alone and during the load", clean ? "met" : "MISSED", mixed.errorCount(),
                load.clients().errorCount()));
    }

    private static void clients(PrintStream out, String when, Clients.Result c) {
        out.printf(Locale.ROOT, "  %d clients %-40s %,7d requests %8.1f/s  p50 %8.2f ms  p95 %8.2f ms  errors %d%n", c.clients(),
                when, c.requests(), c.requestsPerSecond(), c.latencies().isEmpty() ? Double.NaN : c.latencies().millis(0.5),
                c.latencies().isEmpty() ? Double.NaN : c.latencies().millis(0.95), c.errorCount());
        c.errors().forEach(error -> out.println("    " + Http.abbreviated(error)));
    }

    private void loading(PrintStream out) {
        LoadBenchmark.Result load = r.load();
        if (load == null) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "Loading the %,d-row contacts CSV into a new warehouse, median of %d runs each (load command)%n",
                load.rows(), r.settings().loadRuns());
        out.printf(Locale.ROOT, "  DuckDB COPY %.2f s (%,.0f rows/s); COPY unordered %.2f s; FunnelQL Loader %.2f s (%,.0f rows/s)%n",
                load.copy(), load.copyRowsPerSecond(), load.unordered(), load.funnelql(), load.funnelqlRowsPerSecond());
        goals.add(String.format(Locale.ROOT, "%-75s %s (%.2f)", "loading at 0.6 of COPY's rows/s or more",
                load.ratio() >= 0.6 ? "met" : "MISSED", load.ratio()));
    }

    private void postgres(PrintStream out) {
        PostgresComparison.Result pg = r.postgres();
        if (pg == null) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "%s: the same %,d contacts in a plain table (no index); median of %d runs%n", pg.version(),
                pg.rows(), pg.created().size());
        out.printf(Locale.ROOT, "  COPY FROM STDIN %.2f s (%,.0f rows/s)%n", pg.loadSeconds(), pg.rows() / pg.loadSeconds());
        postgresRow(out, "funnel CREATED, source x month, plain SQL", pg.created(), report(Workloads.CREATED_BY_SOURCE_MONTH));
        postgresRow(out, "funnel ENTERED, source x month, plain SQL", pg.entered(), report(Workloads.ENTERED_BY_SOURCE_MONTH));
        out.printf(Locale.ROOT, "  rows identical to FunnelQL's raw scan: %s%n", pg.identical() ? "yes" : "NO");
        ok &= pg.identical();
    }

    private ReportTimings.Result report(String name) {
        return r.reports().stream().filter(x -> x.workload().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no workload named " + name));
    }

    private static void postgresRow(PrintStream out, String name, Samples samples, ReportTimings.Result funnelql) {
        out.printf(Locale.ROOT, "  %-42s p50 %9.1f ms  (%.1fx FunnelQL end to end, %.1fx DuckDB raw scan)%n", name,
                samples.millis(0.5), samples.millis(0.5) / funnelql.endToEnd().millis(0.5),
                samples.millis(0.5) / funnelql.raw().millis(0.5));
    }

    private void memory(PrintStream out) {
        out.println();
        out.println("Peak memory of the process (VmHWM, reset at the start of each phase)");
        for (Map.Entry<String, Long> peak : r.peaks().entrySet()) {
            out.printf(Locale.ROOT, "  %-40s %s%n", peak.getKey(), Memory.gigabytes(peak.getValue()));
        }
        out.printf(Locale.ROOT, "  DuckDB after the server's phases: %s; JVM max heap %s%n", r.duckDbMemory(),
                Memory.gigabytes(Runtime.getRuntime().maxMemory()));
    }
}

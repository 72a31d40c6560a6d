package io.funnelql.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.demo.GeneratorSpec;

/**
 * {@code reports}: the speed and funnel issues' measurements at one scale, in one run. Phases, in order:
 * the warehouse (generated or reused), each report workload ({@link ReportTimings}), the Arrow export
 * ({@link ExportBenchmark}), concurrent clients alone and during a large load over HTTP ({@link Clients}),
 * the load comparison ({@link LoadBenchmark}) and, if asked, PostgreSQL ({@link PostgresComparison}).
 * Progress goes to one stream, the results ({@link ReportsOutput}) to another.
 */
final class ReportsBenchmark {

    /**
     * A run's settings; see {@link BenchMain}'s usage for each.
     *
     * @param workloads texts separated by {@code ;}: only the workloads whose names contain one are run; empty for all
     * @param command the command line as typed, printed with the results
     */
    record Settings(long contacts, long sessions, Path dir, @Nullable String memoryLimit, int warmSeconds, int runs, int warmup,
                    int rawRuns, int exportRuns, int clients, int seconds, int loadRuns, @Nullable String postgres, String workloads,
                    String command) {
    }

    /** The concurrent load of the contacts CSV over HTTP: how long it took, and the clients that ran meanwhile. */
    record LoadDuringReads(long rows, double seconds, @Nullable String failure, Clients.Result clients) {
    }

    /** Everything a run measured, for {@link ReportsOutput}. */
    record Results(Settings settings, GeneratorSpec spec, BenchWarehouse.Prepared warehouse, long warehouseBytes,
                   String duckDbVersion, double loadAverageAtStart, Samples httpFloor, List<ReportTimings.Result> reports,
                   ExportBenchmark.Result export, Clients.Result mixed, LoadDuringReads duringLoad, String duckDbMemory,
                   LoadBenchmark.@Nullable Result load, PostgresComparison.@Nullable Result postgres,
                   Map<String, Long> peaks) {
    }

    private final Settings settings;

    ReportsBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** Runs every phase, prints the results to {@code out}; false when numbers differed or a request failed. */
    boolean run(PrintStream out, PrintStream progress) throws Exception {
        double loadAverage = Memory.loadAverage();
        GeneratorSpec spec = BenchWarehouse.spec(settings.contacts(), settings.sessions());
        Map<String, Long> peaks = new LinkedHashMap<>();

        progress.printf("warehouse: %,d contacts, %,d sessions in %s%n", spec.contacts(), spec.sessions(), settings.dir());
        Memory.resetPeak();
        BenchWarehouse.Prepared prepared = BenchWarehouse.ensure(settings.dir(), spec, settings.memoryLimit());
        if (!prepared.reused()) {
            peaks.put("generating the warehouse", Memory.peakBytes());
        }
        Path csv = ContactsCsv.ensure(settings.dir(), settings.contacts());
        Path serving = BenchWarehouse.servingCopy(prepared.file());

        List<ReportTimings.Result> reports = new ArrayList<>();
        Samples httpFloor;
        ExportBenchmark.Result export;
        Clients.Result mixed;
        LoadDuringReads duringLoad;
        String duckDbMemory;
        String duckDbVersion;
        progress.println("starting the server on " + serving);
        Memory.resetPeak();
        try (Server server = Server.start(serving, settings.memoryLimit())) {
            JsonMapper json = server.bean(JsonMapper.class);
            Http http = new Http(server, json);
            List<Workload> workloads = Workloads.matching(spec, settings.workloads());
            duckDbVersion = duckDbVersion(server.warehouse());
            progress.printf("warming the server up for %d s%n", settings.warmSeconds());
            ReportTimings.warmUp(http, workloads, settings.warmSeconds());
            httpFloor = ReportTimings.httpFloor(http, settings.warmup(), settings.runs());
            for (Workload workload : workloads) {
                progress.println("report: " + workload.name());
                reports.add(ReportTimings.measure(server, http, json, workload, settings.warmup(), settings.runs(),
                        settings.rawRuns()));
            }
            peaks.put("serving reports", Memory.peakBytes());

            progress.println("Arrow export of every contact");
            Memory.resetPeak();
            export = ExportBenchmark.measure(server, http, settings.exportRuns());
            peaks.put("Arrow export", Memory.peakBytes());

            progress.printf("%d concurrent clients for %d s%n", settings.clients(), settings.seconds());
            Memory.resetPeak();
            long end = System.nanoTime() + settings.seconds() * 1_000_000_000L;
            mixed = Clients.run(http, json, workloads, settings.clients(), () -> System.nanoTime() < end);
            peaks.put("concurrent clients", Memory.peakBytes());

            progress.printf("%d concurrent clients while %s loads over HTTP%n", settings.clients(), csv.getFileName());
            Memory.resetPeak();
            duringLoad = loadDuringReads(http, json, workloads, csv);
            peaks.put("concurrent clients during the load", Memory.peakBytes());
            duckDbMemory = Memory.duckDb(server.warehouse());
        } finally {
            BenchWarehouse.delete(serving);
        }

        LoadBenchmark.Result load = null;
        if (settings.loadRuns() > 0) {
            progress.println("load comparison");
            Memory.resetPeak();
            load = new LoadBenchmark(settings.contacts(), settings.dir(), false, settings.loadRuns(), settings.memoryLimit())
                    .run(progress);
            peaks.put("load comparison", Memory.peakBytes());
        }
        PostgresComparison.Result postgres = null;
        if (settings.postgres() != null) {
            progress.println("PostgreSQL");
            try (Warehouse warehouse = Warehouse.open(prepared.file(), BenchWarehouse.settings(settings.memoryLimit()))) {
                postgres = PostgresComparison.run(settings.postgres(), warehouse, settings.dir(), spec, settings.rawRuns());
            }
        }
        Results results = new Results(settings, spec, prepared, Files.size(prepared.file()), duckDbVersion, loadAverage,
                httpFloor, reports, export, mixed, duringLoad, duckDbMemory, load, postgres, peaks);
        return new ReportsOutput(results).print(out);
    }

    /** Loads the contacts CSV over HTTP while the clients run; they stop when the load has answered. */
    private LoadDuringReads loadDuringReads(Http http, JsonMapper json, List<Workload> workloads, Path csv) throws InterruptedException {
        long start = System.nanoTime();
        CompletableFuture<JsonNode> load = CompletableFuture.supplyAsync(() -> {
            try {
                return http.load("contacts", csv);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        Clients.Result clients = Clients.run(http, json, workloads, settings.clients(), () -> !load.isDone());
        try {
            JsonNode answer = load.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            long rows = answer.path("rows").asLong();
            String failure = rows != settings.contacts() || answer.path("duplicate").asBoolean()
                    ? "the load answered " + answer : null;
            return new LoadDuringReads(rows, seconds, failure, clients);
        } catch (CompletionException e) {
            return new LoadDuringReads(0, (System.nanoTime() - start) / 1e9, String.valueOf(e.getCause()), clients);
        }
    }

    private static String duckDbVersion(Warehouse warehouse) throws Exception {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}

package io.funnelql.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.funnelql.warehouse.WarehouseSettings;

/**
 * Entry point of {@code benchmarks/target/funnelql-bench.jar}.
 *
 * <pre>
 * java -jar benchmarks/target/funnelql-bench.jar load --rows N [--dir DIR] [--memory-limit SIZE] [--keep]
 * java -jar benchmarks/target/funnelql-bench.jar reports --contacts N --sessions N [options]
 * </pre>
 */
public final class BenchMain {

    private static final String USAGE = """
            usage: java -jar funnelql-bench.jar load --rows N [--dir DIR] [--memory-limit SIZE] [--keep]
                   java -jar funnelql-bench.jar reports [--contacts N] [--sessions N] [--dir DIR] [--memory-limit SIZE]
                        [--warm-seconds N] [--runs N] [--warmup N] [--raw-runs N] [--export-runs N] [--clients N] [--seconds N] [--load-runs N]
                        [--postgres JDBC_URL] [--workloads TEXT[;TEXT...]]
              load     times DuckDB's plain COPY and FunnelQL's Loader on the same N-row contacts CSV
                       (HubSpot export shape), 3 runs each, and prints rows/s and the ratio; COPY
                       without insertion order (the loader's setting) is shown for reference
                --rows N    rows in the generated file (default 1000000)
                --keep      keep the warehouse files afterwards
              reports  generates (once per scale, reused afterwards) a synthetic warehouse, starts the server on
                       a copy of it in this JVM, and measures reports end to end over HTTP against the same SQL
                       run directly, the raw-scan reference, the Arrow export, concurrent clients (also during
                       a large load), loading against COPY and, with --postgres, PostgreSQL
                --contacts N      contacts in the warehouse, and rows of the CSV loaded (default 1000000)
                --sessions N      sessions in the warehouse (default 10000000)
                --warm-seconds N  how long every report is asked for, untimed, before anything is timed, so that
                                  the server's code is compiled as on a server up for a while (default 30)
                --runs N          timed runs of each report measurement (default 20)
                --warmup N        untimed runs before them (default 5)
                --raw-runs N      how many of the timed runs also time the raw scan, the slow one (default 5)
                --export-runs N   timed runs of each export measurement, after one untimed (default 3)
                --clients N       concurrent clients (default 8)
                --seconds N       how long the concurrent clients run on their own (default 20)
                --load-runs N     runs of the load comparison; 0 leaves it out (default 3)
                --postgres URL    also load the contacts into PostgreSQL and time the same funnels there,
                                  e.g. jdbc:postgresql://localhost/funnelql_bench?user=funnelql&password=funnelql
                --workloads TEXT  only the report workloads whose names contain one of the texts, separated
                                  by ';', e.g. "traffic, weekly" (default: all)
              both:
                --dir DIR           where data files and warehouses go (default bench-data); files are reused
                --memory-limit SIZE DuckDB's memory limit, such as 4GB (default: FunnelQL's, three quarters of
                                    the memory the JVM heap leaves)""";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("load") || args[0].equals("reports"))) {
            System.err.println(USAGE);
            System.exit(2);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            if (args[0].equals("load")) {
                Options options = Options.parse(rest, Set.of("--rows", "--dir", "--memory-limit"), Set.of("--keep"));
                long rows = options.count("--rows", 1_000_000, 1);
                String memoryLimit = memoryLimit(options);
                new LoadBenchmark(rows, Path.of(options.text("--dir", "bench-data")), options.flag("--keep"), 3, memoryLimit)
                        .run(System.out);
            } else {
                Options options = Options.parse(rest, Set.of("--contacts", "--sessions", "--dir", "--memory-limit", "--warm-seconds",
                        "--runs", "--warmup", "--raw-runs", "--export-runs", "--clients", "--seconds", "--load-runs", "--postgres",
                        "--workloads"), Set.of());
                ReportsBenchmark.Settings settings = new ReportsBenchmark.Settings(
                        options.count("--contacts", 1_000_000, 1), options.count("--sessions", 10_000_000, 0),
                        Path.of(options.text("--dir", "bench-data")), memoryLimit(options),
                        options.smallCount("--warm-seconds", 30, 0), options.smallCount("--runs", 20, 1), options.smallCount("--warmup", 5, 0),
                        Math.min(options.smallCount("--raw-runs", 5, 1), options.smallCount("--runs", 20, 1)),
                        options.smallCount("--export-runs", 3, 1), options.smallCount("--clients", 8, 1),
                        options.smallCount("--seconds", 20, 1), options.smallCount("--load-runs", 3, 0),
                        options.text("--postgres"), options.text("--workloads", ""),
                        "java -jar benchmarks/target/funnelql-bench.jar " + String.join(" ", args));
                if (!new ReportsBenchmark(settings).run(System.out, System.err)) {
                    System.exit(1);
                }
            }
        } catch (Options.UsageException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
    }

    private static @Nullable String memoryLimit(Options options) {
        String limit = options.text("--memory-limit");
        if (limit != null) {
            try {
                // Checked here so that a typo stops the run before anything is generated.
                new WarehouseSettings(WarehouseSettings.defaults().timeZone(), limit, null);
            } catch (IllegalArgumentException e) {
                throw new Options.UsageException("--memory-limit: " + e.getMessage());
            }
        }
        return limit;
    }
}

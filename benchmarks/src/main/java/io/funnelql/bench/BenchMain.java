package io.funnelql.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code benchmarks/target/funnelql-bench.jar}.
 *
 * <pre>
 * java -jar benchmarks/target/funnelql-bench.jar load --rows N [--dir DIR] [--keep]
 * </pre>
 */
public final class BenchMain {

    private static final String USAGE = """
            usage: java -jar funnelql-bench.jar load --rows N [--dir DIR] [--keep]
              load   times DuckDB's plain COPY and FunnelQL's Loader on the same N-row contacts CSV
                     (HubSpot export shape), 3 runs each, and prints rows/s and the ratio; COPY
                     without insertion order (the loader's setting) is shown for reference
              --rows N    rows in the generated file (default 1000000)
              --dir DIR   where the file and the warehouses go (default bench-data); the file is reused
              --keep      keep the warehouse files afterwards""";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("load")) {
            System.err.println(USAGE);
            System.exit(2);
        }
        long rows = 1_000_000;
        Path dir = Path.of("bench-data");
        boolean keep = false;
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        for (int i = 0; i < rest.size(); i++) {
            switch (rest.get(i)) {
                case "--rows" -> rows = Long.parseLong(value(rest, ++i).replace("_", ""));
                case "--dir" -> dir = Path.of(value(rest, ++i));
                case "--keep" -> keep = true;
                default -> {
                    System.err.println("unknown option " + rest.get(i) + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        if (rows < 1) {
            System.err.println("--rows must be at least 1");
            System.exit(2);
        }
        new LoadBenchmark(rows, dir, keep, 3).run(System.out);
    }

    private static String value(List<String> args, int i) {
        if (i >= args.size()) {
            System.err.println(args.get(i - 1) + " needs a value\n" + USAGE);
            System.exit(2);
        }
        return args.get(i);
    }
}

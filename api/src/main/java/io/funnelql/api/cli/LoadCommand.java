package io.funnelql.api.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;
import io.funnelql.warehouse.load.HeaderMapping;
import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.LoadResult;
import io.funnelql.warehouse.load.Loader;

/**
 * {@code load <dataset> <file>...}: one load per file, in the order given, each all of its rows or none.
 *
 * <p>The first file with problems stops the command: later files are not loaded, because a later file's
 * versions of records would otherwise become current before the corrected earlier file is loaded again.
 */
@Command(name = "load", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Loads CSV, Parquet or Arrow IPC files into a dataset: one load per file, all of a file's "
                + "rows or none. Loading the same content again is a no-op that says so.",
                "Stops at the first file with problems and lists every problem with its line and column."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every file was loaded (or was a duplicate)",
                "1:a file had problems or failed to load; it and the files after it were not loaded",
                "2:wrong usage, or the warehouse is in use by a running server (load over HTTP instead)"})
public final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET",
            description = "contacts, sessions, deals, spend, targets, metric_values or source_map")
    String dataset = "";

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "The files to load, in order")
    List<Path> files = new ArrayList<>();

    @Option(names = "--map", paramLabel = "COLUMN=HEADER",
            description = "Reads a canonical column from a header of your own, e.g. --map created_at=\"Signup Time\". "
                    + "Repeat for more columns.")
    List<String> map = new ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help")
    boolean help;

    @Mixin
    WarehouseOptions warehouse = new WarehouseOptions();

    @Override
    public Integer call() {
        Dataset target = Dataset.byId(dataset).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "Unknown dataset '" + dataset + "'. The datasets are: " + Dataset.ids() + "."));
        HeaderMapping mapping;
        try {
            mapping = HeaderMapping.parse(map);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                err.println("Cannot read " + file + ": no such file, or not readable. Nothing was loaded.");
                return ExitCodes.FAILED;
            }
        }
        try (Warehouse opened = warehouse.open()) {
            Loader loader = new Loader(opened);
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                try {
                    out.println(describe(loader.load(LoadRequest.of(target, file).withMapping(mapping)), file));
                    out.flush();
                } catch (WarehouseException e) {
                    // LoadRejectedException's message lists every problem: file, line, column, what is wrong.
                    err.println(e.getMessage());
                    notLoaded(err, files.subList(i + 1, files.size()));
                    return ExitCodes.FAILED;
                }
            }
        }
        return ExitCodes.OK;
    }

    /** "contacts.csv: load 3 into contacts, 120 rows" or "...: duplicate of load 3 (120 rows), nothing loaded". */
    static String describe(LoadResult result, Path file) {
        String name = String.valueOf(file.getFileName());
        if (result.duplicate()) {
            return name + ": duplicate of load " + result.loadId() + " into " + result.dataset().id() + " ("
                    + rows(result.rows()) + "); nothing loaded";
        }
        return name + ": load " + result.loadId() + " into " + result.dataset().id() + ", " + rows(result.rows());
    }

    private static String rows(long rows) {
        return rows + (rows == 1 ? " row" : " rows");
    }

    private static void notLoaded(PrintWriter err, List<Path> rest) {
        if (!rest.isEmpty()) {
            err.println("Stopped; not loaded either: " + String.join(", ", rest.stream().map(Path::toString).toList()));
        }
        err.flush();
    }
}

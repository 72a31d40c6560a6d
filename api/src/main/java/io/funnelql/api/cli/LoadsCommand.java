package io.funnelql.api.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.history.LoadHistory;
import io.funnelql.warehouse.history.LoadRecord;

/** {@code loads}: the load history as a table, newest first. */
@Command(name = "loads", sortOptions = false, usageHelpAutoWidth = true,
        description = "Prints the load history, newest first. Times are UTC.")
public final class LoadsCommand implements Callable<Integer> {

    static final List<String> HEADER = List.of("LOAD", "DATASET", "FILE", "FORMAT", "ROWS", "STATUS", "STARTED (UTC)",
            "COMMITTED (UTC)", "ERROR");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int MAX_ERROR = 80;

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "DATASET", description = "Only this dataset's loads")
    @Nullable String dataset;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help")
    boolean help;

    @Mixin
    WarehouseOptions warehouse = new WarehouseOptions();

    @Override
    public Integer call() {
        Optional<Dataset> only = Optional.ofNullable(dataset).map(id -> Dataset.byId(id).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "Unknown dataset '" + id + "'. The datasets are: " + Dataset.ids() + ".")));
        List<LoadRecord> loads;
        try (Warehouse opened = warehouse.open()) {
            loads = new LoadHistory(opened).list(only);
        }
        if (loads.isEmpty()) {
            spec.commandLine().getOut().println("No loads yet.");
        } else {
            spec.commandLine().getOut().print(table(loads));
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** The loads as a text table with a header row, columns padded to their widest value. */
    static String table(List<LoadRecord> loads) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (LoadRecord load : loads) {
            rows.add(List.of(String.valueOf(load.loadId()), load.dataset(), load.fileName(), load.format(),
                    load.rows() == null ? "" : String.valueOf(load.rows()), load.status().name().toLowerCase(Locale.ROOT),
                    time(load.startedAt()), time(load.committedAt()), shortError(load.error())));
        }
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 || i == 4 ? pad(row.get(i), widths[i], true) : pad(row.get(i), widths[i], false)).append("  ");
            }
            table.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return table.toString();
    }

    private static String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String shortError(@Nullable String error) {
        if (error == null) {
            return "";
        }
        String oneLine = String.join(" ", error.lines().map(String::strip).toList());
        return oneLine.length() > MAX_ERROR ? oneLine.substring(0, MAX_ERROR - 1) + "…" : oneLine;
    }

    private static String pad(String value, int width, boolean right) {
        String spaces = " ".repeat(width - value.length());
        return right ? spaces + value : value + spaces;
    }
}

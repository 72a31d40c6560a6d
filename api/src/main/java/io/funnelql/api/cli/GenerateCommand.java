package io.funnelql.api.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.demo.GenerationReport;
import io.funnelql.warehouse.demo.Generator;
import io.funnelql.warehouse.demo.GeneratorSpec;
import io.funnelql.warehouse.load.LoadResult;

/**
 * {@code generate --db PATH}: deterministic synthetic data, the demo data set by default, at any scale.
 *
 * <p>{@code --db} must be given: synthetic data goes into a warehouse of its own, never into the user's by
 * accident (the default warehouse, or one named by {@code FUNNELQL_DATABASE}).
 */
@Command(name = "generate", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Fills a warehouse with deterministic synthetic data: three years of a B2B company's "
                + "sessions, contacts, deals, spend, targets and weekly metrics. The same options give the same rows.",
                "Without --contacts, --sessions and --seed it writes the demo data set."})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--contacts", paramLabel = "N",
            description = "CRM contacts; deals, spend and targets follow from them. Default: " + GeneratorSpec.DEMO_CONTACTS)
    @Nullable Long contacts;

    @Option(names = "--sessions", paramLabel = "N", description = "Website sessions. Default: " + GeneratorSpec.DEMO_SESSIONS)
    @Nullable Long sessions;

    @Option(names = "--seed", paramLabel = "S",
            description = "Any number; other seeds give other, equally shaped data. Default: " + GeneratorSpec.DEMO_SEED)
    @Nullable Long seed;

    @Option(names = "--until", paramLabel = "DATE",
            description = "The last day of the data (yyyy-mm-dd). Default: today in the workspace time zone")
    @Nullable LocalDate until;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help")
    boolean help;

    @Mixin
    WarehouseOptions warehouse = new WarehouseOptions();

    @Override
    public Integer call() {
        if (!spec.commandLine().getParseResult().hasMatchedOption("--db")) {
            throw new ParameterException(spec.commandLine(), "generate needs --db PATH: synthetic data goes into a "
                    + "warehouse of its own, never into yours by accident.");
        }
        GeneratorSpec generation = generation();
        GenerationReport report;
        try (Warehouse opened = warehouse.open()) {
            report = new Generator().generate(opened, generation);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (LoadResult load : report.loads()) {
            out.println(describe(load));
        }
        out.printf(Locale.ROOT, "%d rows from %s to %s (seed %d) in %.1f s into %s%n", report.rows(), generation.from(),
                generation.until(), generation.seed(), report.elapsed().toMillis() / 1000.0, warehouse.database);
        out.flush();
        return ExitCodes.OK;
    }

    private GeneratorSpec generation() {
        GeneratorSpec demo = GeneratorSpec.demo(until != null ? until : LocalDate.now(warehouse.timeZone));
        try {
            return new GeneratorSpec(contacts != null ? contacts : demo.contacts(), sessions != null ? sessions : demo.sessions(),
                    seed != null ? seed : demo.seed(), demo.until());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** "contacts: load 3, 200 rows" or "contacts: already generated as load 3 (200 rows); nothing loaded". */
    static String describe(LoadResult load) {
        String rows = load.rows() + (load.rows() == 1 ? " row" : " rows");
        return load.dataset().id() + (load.duplicate()
                ? ": already generated as load " + load.loadId() + " (" + rows + "); nothing loaded"
                : ": load " + load.loadId() + ", " + rows);
    }
}

package io.funnelql.api.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import io.funnelql.api.FunnelqlApplication;
import io.funnelql.warehouse.WarehouseInUseException;

/**
 * {@code serve} (the default command): starts the server. Its own options become {@code funnelql.*}
 * properties; every other {@code --name=value} argument goes to Spring Boot as it is.
 */
@Command(name = "serve", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Starts the server: GraphQL at /graphql, GraphiQL at /graphiql, loads at /api/loads.",
                "Other arguments are Spring properties, written --name=value: --server.port=8081, "
                        + "--funnelql.time-zone=Europe/Berlin."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "PATH",
            description = "The warehouse (a DuckDB file, created if missing); property funnelql.database. "
                    + "Default: ./funnelql.duckdb")
    @Nullable Path database;

    @Option(names = "--demo",
            description = "Serves a fresh warehouse filled with demo data, in a temporary file deleted on exit; "
                    + "your own warehouse is not opened. Property funnelql.demo")
    boolean demo;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help")
    boolean help;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    /**
     * Starts the server and returns once it is up; the server goes on in its own threads. A failed start has
     * been reported by Spring Boot already (its failure analysis), so only the exit code is left to choose.
     */
    @Override
    public Integer call() {
        String[] arguments = springArguments().toArray(String[]::new);
        try {
            SpringApplication.run(FunnelqlApplication.class, arguments);
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof WarehouseInUseException) {
                    return ExitCodes.CANNOT_RUN;
                }
            }
            return ExitCodes.FAILED;
        }
    }

    /** The arguments Spring Boot starts with: this command's options as properties, then the rest as given. */
    List<String> springArguments() {
        List<String> arguments = new ArrayList<>();
        if (database != null) {
            arguments.add("--funnelql.database=" + database);
        }
        if (demo) {
            arguments.add("--funnelql.demo=true");
        }
        for (String argument : springArguments) {
            if (!argument.startsWith("--") || argument.length() == 2) {
                throw new ParameterException(spec.commandLine(), "Unknown argument '" + argument
                        + "'. serve takes --db, --demo and Spring properties written --name=value (--server.port=8081).");
            }
            arguments.add(argument);
        }
        return arguments;
    }
}

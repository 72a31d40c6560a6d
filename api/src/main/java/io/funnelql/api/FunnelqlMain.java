package io.funnelql.api;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.funnelql.api.cli.CliErrors;
import io.funnelql.api.cli.GenerateCommand;
import io.funnelql.api.cli.KeysCommand;
import io.funnelql.api.cli.LoadCommand;
import io.funnelql.api.cli.LoadsCommand;
import io.funnelql.api.cli.ServeCommand;

/**
 * The jar's main class: {@code serve} (the default), {@code load}, {@code generate}, {@code loads} and {@code keys}.
 *
 * <p>Only {@code serve} starts Spring; the other commands open the warehouse directly, so they start in well
 * under a second. Arguments that name no command ({@code --server.port=8081}, {@code --demo}) go to
 * {@code serve}.
 */
@Command(name = "funnelql", usageHelpAutoWidth = true, mixinStandardHelpOptions = false,
        description = "FunnelQL: a GraphQL analytics API for B2B SaaS marketing funnels over an embedded DuckDB warehouse.",
        subcommands = {ServeCommand.class, LoadCommand.class, GenerateCommand.class, LoadsCommand.class,
                KeysCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Without a command, FunnelQL serves: java -jar funnelql.jar --demo"})
public final class FunnelqlMain {

    private static final Set<String> OWN_ARGUMENTS = Set.of("-h", "--help", "help");

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help")
    boolean help;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
        PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
        CommandLine commandLine = commandLine(out, err);
        int exitCode = commandLine.execute(withDefaultCommand(commandLine, args));
        if (exitCode != 0 || !serves(commandLine.getParseResult())) {
            System.exit(exitCode);
        }
    }

    /** The command line with every subcommand, printing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new FunnelqlMain());
        commandLine.setOut(out).setErr(err).setExecutionExceptionHandler(new CliErrors())
                .setExecutionStrategy(parsed -> {
                    if (!serves(parsed)) {
                        // Without Spring, logback would print libraries' INFO lines between the command's own output.
                        LoggingSystem.get(FunnelqlMain.class.getClassLoader())
                                .setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
                    }
                    return new CommandLine.RunLast().execute(parsed);
                });
        return commandLine;
    }

    /** Runs the jar's command line with {@code args} and returns its exit code; {@code serve} returns once started. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(out, err);
        return commandLine.execute(withDefaultCommand(commandLine, args));
    }

    private static boolean serves(CommandLine.@Nullable ParseResult parsed) {
        return parsed != null && parsed.subcommand() != null
                && parsed.subcommand().commandSpec().userObject() instanceof ServeCommand;
    }

    /** {@code args} with {@code serve} in front, unless they start with a command's name or ask for help. */
    static String[] withDefaultCommand(CommandLine commandLine, String[] args) {
        if (args.length > 0 && (commandLine.getSubcommands().containsKey(args[0]) || OWN_ARGUMENTS.contains(args[0]))) {
            return args;
        }
        return Stream.concat(Stream.of("serve"), Arrays.stream(args)).toArray(String[]::new);
    }
}

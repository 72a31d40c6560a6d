package io.funnelql.api.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.funnelql.api.workspace.Workspaces;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.access.ApiKey;
import io.funnelql.warehouse.access.ApiKeys;
import io.funnelql.warehouse.access.IssuedKey;
import io.funnelql.warehouse.access.KeyRole;

/**
 * {@code keys create|list|revoke}: the API keys stored in a warehouse file, for a server that runs with
 * {@code funnelql.security.enabled=true}. The server holds its files while it runs, so these commands work while
 * it is stopped; a running server manages keys over {@code /api/keys}.
 */
@Command(name = "keys", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Creates, lists and revokes the API keys of a warehouse (stored as their SHA-256, never the key).",
                "A key works in the workspace it was created for, when a server serves this file under that name."},
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help")
    boolean help;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Name what to do: keys create, keys list or keys revoke.");
    }

    /** {@code keys create --role ROLE [--workspace W] [--name N]}: prints the new key, once, on standard output. */
    @Command(name = "create", sortOptions = false, usageHelpAutoWidth = true,
            description = {"Creates a key and prints it on standard output: KEY=$(java -jar funnelql.jar keys create ...).",
                    "It is shown only now; the warehouse keeps its SHA-256 alone."})
    static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "read (reports, export, load history), load (also loads) or admin (also keys)")
        String role = "";

        @Option(names = "--workspace", paramLabel = "W", defaultValue = Workspaces.DEFAULT,
                description = "The workspace the key belongs to; --db must be that workspace's file. Default: ${DEFAULT-VALUE}")
        String workspace = Workspaces.DEFAULT;

        @Option(names = "--name", paramLabel = "NAME", description = "A label for lists, such as dashboard")
        @Nullable String name;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help")
        boolean help;

        @Mixin
        WarehouseOptions warehouse = new WarehouseOptions();

        @Override
        public Integer call() {
            KeyRole keyRole = KeyRole.byId(role).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "Unknown role '" + role + "'. The roles are: " + KeyRole.ids() + "."));
            try {
                Workspaces.checkName(workspace);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!workspace.equals(Workspaces.DEFAULT) && !spec.commandLine().getParseResult().hasMatchedOption("--db")) {
                throw new ParameterException(spec.commandLine(), "A key for workspace '" + workspace + "' goes into that "
                        + "workspace's file: name it with --db (funnelql.workspaces." + workspace + ".database).");
            }
            IssuedKey issued;
            try (Warehouse opened = warehouse.open()) {
                issued = new ApiKeys(opened).create(workspace, keyRole, name);
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("Created key " + issued.key().id() + " (role " + keyRole.id() + ", workspace " + workspace + ") in "
                    + warehouse.database + ". It is shown only now; send it as Authorization: Bearer <key>:");
            err.flush();
            spec.commandLine().getOut().println(issued.secret());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code keys list}: every key, revoked ones too, oldest first. */
    @Command(name = "list", sortOptions = false, usageHelpAutoWidth = true,
            description = "Lists the keys of a warehouse, revoked ones too, oldest first. Times are UTC.")
    static final class ListKeys implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help")
        boolean help;

        @Mixin
        WarehouseOptions warehouse = new WarehouseOptions();

        @Override
        public Integer call() {
            List<ApiKey> keys;
            try (Warehouse opened = warehouse.open()) {
                keys = new ApiKeys(opened).list();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (keys.isEmpty()) {
                out.println("No keys yet. Create one with: keys create --role admin --db " + warehouse.database);
            } else {
                out.print(table(keys));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code keys revoke ID}: the key stops working (on a server, at its next start). */
    @Command(name = "revoke", sortOptions = false, usageHelpAutoWidth = true,
            description = "Revokes a key by its id (see keys list); a server accepts it no more from its next start.")
    static final class Revoke implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The key's id, as keys list shows it")
        String id = "";

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help")
        boolean help;

        @Mixin
        WarehouseOptions warehouse = new WarehouseOptions();

        @Override
        public Integer call() {
            Optional<ApiKey> revoked;
            try (Warehouse opened = warehouse.open()) {
                revoked = new ApiKeys(opened).revoke(id);
            }
            if (revoked.isEmpty()) {
                spec.commandLine().getErr().println("No working key has id '" + id + "' in " + warehouse.database
                        + "; keys list shows the keys.");
                spec.commandLine().getErr().flush();
                return ExitCodes.FAILED;
            }
            spec.commandLine().getOut().println("Revoked key " + id + " (role " + revoked.get().role().id() + ", workspace "
                    + revoked.get().workspace() + ").");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /** The keys as a text table with a header row, columns padded to their widest value. */
    static String table(List<ApiKey> keys) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ID", "WORKSPACE", "ROLE", "NAME", "CREATED (UTC)", "REVOKED (UTC)"));
        for (ApiKey key : keys) {
            rows.add(List.of(key.id(), key.workspace(), key.role().id(), key.name() == null ? "" : key.name(),
                    time(key.createdAt()), time(key.revokedAt())));
        }
        int[] widths = new int[rows.get(0).size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length())).append("  ");
            }
            table.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return table.toString();
    }

    private static String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}

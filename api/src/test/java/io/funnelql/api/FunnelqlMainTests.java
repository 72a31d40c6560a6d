package io.funnelql.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FunnelqlMainTests {

    final CommandLine commandLine = FunnelqlMain.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

    @Test
    void servesWhenNoCommandIsGiven() {
        assertThat(FunnelqlMain.withDefaultCommand(commandLine, new String[0])).containsExactly("serve");
    }

    @Test
    void passesSpringArgumentsWithoutACommandToServe() {
        assertThat(FunnelqlMain.withDefaultCommand(commandLine, new String[] {"--server.port=8081", "--demo"}))
                .containsExactly("serve", "--server.port=8081", "--demo");
    }

    @Test
    void keepsANamedCommandAndHelpAsGiven() {
        assertThat(FunnelqlMain.withDefaultCommand(commandLine, new String[] {"loads", "--db", "x.duckdb"}))
                .containsExactly("loads", "--db", "x.duckdb");
        assertThat(FunnelqlMain.withDefaultCommand(commandLine, new String[] {"--help"})).containsExactly("--help");
    }

    @Test
    void helpListsEveryCommand() {
        StringWriter out = new StringWriter();
        int exitCode = FunnelqlMain.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("serve", "load", "loads");
    }
}

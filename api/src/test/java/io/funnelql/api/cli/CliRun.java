package io.funnelql.api.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.funnelql.api.FunnelqlMain;

/** One run of the jar's command line in this JVM: its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = FunnelqlMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}

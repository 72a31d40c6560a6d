package io.funnelql.api.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import io.funnelql.api.BadInputException;
import io.funnelql.warehouse.WarehouseException;
import io.funnelql.warehouse.WarehouseInUseException;

/**
 * Prints a failed command's error as its message, not a stack trace, and picks the exit code: a warehouse in
 * use cannot run ({@value ExitCodes#CANNOT_RUN}); a warehouse failure or bad input failed
 * ({@value ExitCodes#FAILED}). Anything else is a defect and keeps its stack trace.
 */
public final class CliErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof WarehouseInUseException) {
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.CANNOT_RUN;
        }
        if (e instanceof WarehouseException || e instanceof BadInputException || e instanceof IllegalArgumentException) {
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        err.println("Unexpected error: " + e);
        e.printStackTrace(err);
        err.flush();
        return ExitCodes.FAILED;
    }
}

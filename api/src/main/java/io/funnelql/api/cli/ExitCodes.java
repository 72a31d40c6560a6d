package io.funnelql.api.cli;

/** The exit codes of the jar's commands. */
public final class ExitCodes {

    /** The command did what it was asked. */
    public static final int OK = 0;

    /** The command ran and failed: a file had problems (nothing of it was loaded), or a load failed. */
    public static final int FAILED = 1;

    /** The command could not run: wrong usage, or the warehouse is held by another process (a server). */
    public static final int CANNOT_RUN = 2;

    private ExitCodes() {
    }
}

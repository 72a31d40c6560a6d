package io.funnelql.api.workspace;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.funnelql.warehouse.WarehouseException;
import io.funnelql.warehouse.WarehouseInUseException;

/**
 * Turns a warehouse that cannot be opened on start-up (held by another process, newer schema, unwritable
 * directory) into the warehouse's own message instead of a wall of bean-creation errors.
 */
class WarehouseFailureAnalyzer extends AbstractFailureAnalyzer<WarehouseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WarehouseException cause) {
        String action = cause instanceof WarehouseInUseException
                ? "Stop the other process, or serve another file with --db (property funnelql.database)."
                : "Check funnelql.database and the file it names.";
        return new FailureAnalysis(String.valueOf(cause.getMessage()), action, cause);
    }
}

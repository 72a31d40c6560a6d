package io.funnelql.warehouse;

import java.nio.file.Path;

/**
 * The warehouse file is held by another process (usually a running FunnelQL server).
 *
 * <p>DuckDB lets one process at a time open a file for writing, so a CLI load into the file a server
 * is serving cannot work; the message says to load over HTTP instead.
 */
public final class WarehouseInUseException extends WarehouseException {

    private static final long serialVersionUID = 1L;

    public WarehouseInUseException(Path path, String holder) {
        super("The warehouse " + path + " is in use by another process (" + holder + "), probably a running "
                + "FunnelQL server. Load through that server instead: "
                + "curl --data-binary @FILE -H 'Content-Type: text/csv' http://HOST:PORT/api/loads/DATASET");
    }
}

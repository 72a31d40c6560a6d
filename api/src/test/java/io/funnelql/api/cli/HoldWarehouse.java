package io.funnelql.api.cli;

import java.io.IOException;
import java.nio.file.Path;

import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * Holds a warehouse file open in its own process, as a running server does, until its standard input
 * closes; prints "holding" once the file is held.
 */
final class HoldWarehouse {

    private HoldWarehouse() {
    }

    public static void main(String[] args) throws IOException {
        try (Warehouse warehouse = Warehouse.open(Path.of(args[0]), WarehouseSettings.defaults())) {
            System.out.println("holding " + warehouse.describe());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Wait until the parent closes our input (or ends us).
            }
        }
    }
}

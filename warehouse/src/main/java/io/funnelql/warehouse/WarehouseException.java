package io.funnelql.warehouse;

/** A warehouse operation failed for a reason a user can act on; the message says which. */
public class WarehouseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WarehouseException(String message) {
        super(message);
    }

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}

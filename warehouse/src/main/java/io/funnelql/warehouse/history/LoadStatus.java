package io.funnelql.warehouse.history;

import java.util.Locale;

/** Where a load stands. */
public enum LoadStatus {
    /** Under way (or interrupted, until the warehouse is next opened). */
    RUNNING,
    /** Its rows are part of the warehouse. */
    COMMITTED,
    /** It loaded nothing; the error says why. */
    FAILED;

    static LoadStatus of(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }
}

package io.funnelql.warehouse.load;

import java.util.Objects;

import io.funnelql.warehouse.Dataset;

/**
 * What a load did.
 *
 * @param loadId the load's id in the load history (for a duplicate: the earlier load that brought the same content)
 * @param dataset the dataset loaded
 * @param rows the rows the load brought (for a duplicate: the rows of the earlier load)
 * @param duplicate true when identical content had been loaded before and nothing was done
 */
public record LoadResult(long loadId, Dataset dataset, long rows, boolean duplicate) {

    public LoadResult {
        Objects.requireNonNull(dataset, "dataset");
    }
}

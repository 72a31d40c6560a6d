package io.funnelql.api.load;

import java.util.Objects;

import io.funnelql.warehouse.load.LoadResult;

/**
 * The answer to a load over HTTP.
 *
 * @param loadId the load's id in the history (for a duplicate: the earlier load with the same content)
 * @param dataset the dataset's id
 * @param rows rows the load brought (for a duplicate: the rows of the earlier load)
 * @param duplicate true when the same content had been loaded before and nothing was done
 */
record LoadResponse(long loadId, String dataset, long rows, boolean duplicate) {

    LoadResponse {
        Objects.requireNonNull(dataset, "dataset");
    }

    static LoadResponse of(LoadResult result) {
        return new LoadResponse(result.loadId(), result.dataset().id(), result.rows(), result.duplicate());
    }
}

package io.funnelql.api.load;

import io.funnelql.api.BadInputException;
import io.funnelql.warehouse.Dataset;

/** A request named a dataset that does not exist; the message lists those that do. */
public final class UnknownDatasetException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public UnknownDatasetException(String dataset) {
        super("Unknown dataset '" + dataset + "'. The datasets are: " + Dataset.ids() + ".");
    }
}

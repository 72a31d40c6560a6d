package io.funnelql.api.security;

import io.funnelql.api.BadInputException;

/** No working key of the workspace has the id a request named; answered 404. */
final class UnknownKeyException extends BadInputException {

    private static final long serialVersionUID = 1L;

    UnknownKeyException(String id) {
        super("The workspace has no working key with id '" + id + "'; GET /api/keys lists its keys.");
    }
}

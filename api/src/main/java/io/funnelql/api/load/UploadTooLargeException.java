package io.funnelql.api.load;

import io.funnelql.api.BadInputException;

/** An upload was larger than {@code funnelql.max-upload-size}; answered 413, and nothing of it was loaded. */
public final class UploadTooLargeException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public UploadTooLargeException(String message) {
        super(message);
    }
}

package io.funnelql.api.load;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.funnelql.api.BadInputException;
import io.funnelql.warehouse.load.InputFormat;

/** An upload's media type is none of the formats a load reads; the message lists those it reads. */
public final class UnsupportedUploadException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public UnsupportedUploadException(@Nullable String contentType) {
        super((contentType == null ? "The upload has no Content-Type" : "Content-Type '" + contentType + "' is not a format FunnelQL loads")
                + ". Send the file as the request body with Content-Type "
                + Arrays.stream(InputFormat.values()).map(InputFormat::mediaType).collect(Collectors.joining(", ", "", "."))
                + " For example: curl --data-binary @contacts.csv -H 'Content-Type: text/csv' .../api/loads/contacts");
    }
}

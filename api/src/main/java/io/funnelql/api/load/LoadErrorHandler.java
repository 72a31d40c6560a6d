package io.funnelql.api.load;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.funnelql.api.BadInputException;
import io.funnelql.warehouse.load.LoadRejectedException;

/**
 * Answers the load endpoints' errors as JSON: 400 with every problem for a rejected file, 404 for an unknown
 * dataset, 413 for an upload over the size limit, 415 for an unsupported media type, 500 with a reference for
 * anything unexpected. No answer holds a
 * stack trace, SQL or a server path; the server log has the details of a 500.
 */
@RestControllerAdvice(assignableTypes = LoadUploadController.class)
class LoadErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(LoadErrorHandler.class);

    @ExceptionHandler
    ResponseEntity<LoadErrorResponse> rejected(LoadRejectedException e) {
        long total = e.totalProblems();
        String file = e.problems().isEmpty() ? "the file" : e.problems().get(0).file();
        String error = "Nothing was loaded: " + total + (total == 1 ? " problem" : " problems") + " found in " + file
                + (total > e.problems().size() ? " (the first " + e.problems().size() + " are listed)" : "") + ".";
        return ResponseEntity.badRequest().body(new LoadErrorResponse(error, total, e.problems()));
    }

    @ExceptionHandler
    ResponseEntity<LoadErrorResponse> unknownDataset(UnknownDatasetException e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<LoadErrorResponse> unsupported(UnsupportedUploadException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<LoadErrorResponse> tooLarge(UploadTooLargeException e) {
        return answer(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<LoadErrorResponse> badInput(BadInputException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** Spring MVC's own errors (wrong method, unreadable request) keep their status and generic detail. */
    @ExceptionHandler
    ResponseEntity<LoadErrorResponse> unexpected(Exception e) {
        if (e instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            String detail = response.getBody().getDetail();
            return answer(status, detail != null ? detail : "The request failed with status " + status.value() + ".");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Load request failed (reference {})", reference, e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "The load failed on the server and nothing was loaded "
                + "(reference " + reference + "; the server log has the details).");
    }

    private static ResponseEntity<LoadErrorResponse> answer(HttpStatusCode status, @Nullable String message) {
        return ResponseEntity.status(status).body(LoadErrorResponse.of(String.valueOf(message)));
    }
}

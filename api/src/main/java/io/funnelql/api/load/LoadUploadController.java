package io.funnelql.api.load;

import java.io.InputStream;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.funnelql.warehouse.history.LoadRecord;

/**
 * Loads over HTTP: {@code POST /api/loads/{dataset}} with the file as the body, and the load history at
 * {@code GET /api/loads}. Errors are answered by {@link LoadErrorHandler}.
 */
@RestController
@RequestMapping("/api/loads")
class LoadUploadController {

    private final LoadService loads;

    LoadUploadController(LoadService loads) {
        this.loads = loads;
    }

    @PostMapping("/{dataset}")
    LoadResponse load(@PathVariable String dataset,
                      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
                      @RequestParam(name = "file", required = false) @Nullable String fileName,
                      @RequestParam(name = "map", required = false) @Nullable List<String> map,
                      InputStream body) {
        return LoadResponse.of(loads.load(dataset, contentType, fileName, map == null ? List.of() : map, body));
    }

    @GetMapping
    List<LoadRecord> history(@RequestParam(name = "dataset", required = false) @Nullable String dataset) {
        return loads.history(dataset);
    }
}

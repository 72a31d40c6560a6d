package io.funnelql.api.export;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code POST /api/export/{report}}: the report's input as JSON in, its rows out as an Arrow IPC stream
 * ({@code Accept: application/vnd.apache.arrow.stream}) or CSV ({@code Accept: text/csv}, the default),
 * streamed while they are written.
 */
@RestController
class ExportController {

    static final MediaType ARROW = MediaType.parseMediaType("application/vnd.apache.arrow.stream");

    private final Map<String, ReportExporter> exporters = new TreeMap<>();

    ExportController(List<ReportExporter> exporters) {
        exporters.forEach(e -> this.exporters.put(e.report(), e));
    }

    @PostMapping("/api/export/{report}")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String report, @RequestBody(required = false) Map<String, Object> input,
                                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportExporter exporter = exporters.get(report);
        if (exporter == null) {
            throw new UnknownReportException(report, exporters.keySet());
        }
        boolean arrow = accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(ARROW::includes);
        // Run the report before answering, so that bad input is a 400 rather than a broken stream.
        ExportTable table = exporter.export(input == null ? Map.of() : input);
        StreamingResponseBody body = out -> {
            try (ExportTable t = table) {
                if (arrow) {
                    ArrowExport.write(t, out);
                } else {
                    CsvExport.write(t, out);
                }
            } catch (java.io.IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        return ResponseEntity.ok()
                .contentType(arrow ? ARROW : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + report + (arrow ? ".arrows\"" : ".csv\""))
                .body(body);
    }
}

package io.funnelql.warehouse.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The delimiter a CSV file's header line uses. DuckDB's sniffer judges a delimiter by how consistently it
 * splits the sampled rows, so a single malformed row (an unquoted comma in a company name) can make it
 * settle on another one and every column look missing. A FunnelQL file always starts with a header of
 * several columns, so the candidate that splits the header line most often is the delimiter.
 */
final class CsvDelimiter {

    /** Candidates in order of preference when counts tie. */
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    /** A header line longer than this is not looked at; the sniffer decides. */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    private CsvDelimiter() {
    }

    /** The delimiter of the header line, empty when it holds none of the candidates (outside quotes). */
    static Optional<String> ofHeader(Path file) {
        String header;
        try (InputStream in = Files.newInputStream(file)) {
            header = firstLine(in.readNBytes(MAX_HEADER_BYTES));
        } catch (IOException e) {
            return Optional.empty();
        }
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return counts[best] == 0 ? Optional.empty() : Optional.of(String.valueOf(CANDIDATES[best]));
    }

    private static String firstLine(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        int end = 0;
        boolean quoted = false;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            }
            end++;
        }
        return text.substring(0, end);
    }
}

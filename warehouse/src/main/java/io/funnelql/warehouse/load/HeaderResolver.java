package io.funnelql.warehouse.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.funnelql.warehouse.Column;
import io.funnelql.warehouse.Dataset;

/**
 * Matches a file's headers to a dataset's columns: the user's mapping first, then the canonical name,
 * then the known aliases (HubSpot's export headers), all compared after {@link Column#normalizeHeader}.
 * Headers that match nothing are ignored.
 */
final class HeaderResolver {

    /** A column found in the file, at a 0-based position. */
    record Binding(Column column, int position) {
    }

    /** A position meaning "a problem about this column was reported already". */
    private static final int REPORTED = -1;

    private HeaderResolver() {
    }

    /**
     * @param headerLine the header's line (1 for CSV), reported with header problems; {@code null} for formats without lines
     * @throws LoadRejectedException naming every missing required column, every mapping entry that names an
     *         unknown column or a header the file lacks, and every header two columns claim without a mapping
     */
    static List<Binding> resolve(Dataset dataset, List<String> headers, HeaderMapping mapping, String fileName,
                                 @Nullable Long headerLine) {
        List<LoadProblem> problems = new ArrayList<>();
        Set<String> known = dataset.columns().stream().map(Column::name).collect(Collectors.toSet());
        for (String column : mapping.headers().keySet()) {
            if (!known.contains(column)) {
                problems.add(LoadProblem.ofColumn(fileName, column, "the header mapping names column '" + column
                        + "', which dataset " + dataset.id() + " does not have; its columns are: " + names(dataset)));
            }
        }
        List<Binding> bindings = new ArrayList<>();
        Map<Integer, Column> claimed = new LinkedHashMap<>();
        for (Column column : dataset.columns()) {
            Optional<Integer> position = mapping.headerFor(column.name())
                    .map(header -> mapped(column, header, headers, fileName, problems))
                    .orElseGet(() -> matched(column, headers));
            if (position.isPresent() && position.get() == REPORTED) {
                continue;
            }
            if (position.isEmpty()) {
                if (column.required()) {
                    problems.add(LoadProblem.ofColumn(fileName, column.name(), "missing required column "
                            + column.name() + accepted(column) + "; the file's headers are: " + String.join(", ", headers)));
                }
                continue;
            }
            Column other = claimed.putIfAbsent(position.get(), column);
            // A mapping may fill two columns from one header on purpose (an id that is both the deal's and
            // its contact's); only two automatic matches on one header are ambiguous.
            boolean explicit = other != null && (mapping.headerFor(column.name()).isPresent()
                    || mapping.headerFor(other.name()).isPresent());
            if (other != null && !explicit) {
                problems.add(LoadProblem.ofColumn(fileName, column.name(), "header '" + headers.get(position.get())
                        + "' would fill both " + other.name() + " and " + column.name() + "; map one of them to another header"));
                continue;
            }
            bindings.add(new Binding(column, position.get()));
        }
        if (!problems.isEmpty()) {
            List<LoadProblem> located = problems.stream().map(p -> new LoadProblem(p.file(), headerLine, null, p.column(),
                    p.value(), p.message())).toList();
            throw new LoadRejectedException(located, located.size());
        }
        return List.copyOf(bindings);
    }

    private static Optional<Integer> mapped(Column column, String header, List<String> headers, String fileName,
                                            List<LoadProblem> problems) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).equals(header)) {
                return Optional.of(i);
            }
        }
        String wanted = Column.normalizeHeader(header);
        for (int i = 0; i < headers.size(); i++) {
            if (Column.normalizeHeader(headers.get(i)).equals(wanted)) {
                return Optional.of(i);
            }
        }
        problems.add(LoadProblem.ofColumn(fileName, column.name(), "the header mapping says " + column.name()
                + " is in header '" + header + "', but the file has no such header; its headers are: "
                + String.join(", ", headers)));
        return Optional.of(REPORTED);
    }

    private static Optional<Integer> matched(Column column, List<String> headers) {
        List<String> candidates = new ArrayList<>();
        candidates.add(Column.normalizeHeader(column.name()));
        column.aliases().forEach(alias -> candidates.add(Column.normalizeHeader(alias)));
        for (String candidate : candidates) {
            for (int i = 0; i < headers.size(); i++) {
                if (Column.normalizeHeader(headers.get(i)).equals(candidate)) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private static String accepted(Column column) {
        if (column.aliases().isEmpty()) {
            return " (header '" + column.name() + "')";
        }
        return " (header '" + column.name() + "', or " + column.aliases().stream().map(a -> "'" + a + "'")
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String names(Dataset dataset) {
        return dataset.columns().stream().map(Column::name).collect(Collectors.joining(", "));
    }
}

package io.funnelql.queries.report;

import java.util.HashSet;
import java.util.List;

/** The grouping and source/channel filters every report query takes, checked the same way for each. */
public final class Filters {

    private Filters() {
    }

    /**
     * A copy of {@code groupBy}.
     *
     * @throws BadQueryException when it names a dimension twice
     */
    public static List<Dimension> groupBy(List<Dimension> groupBy) {
        List<Dimension> copy = List.copyOf(groupBy);
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new BadQueryException("groupBy names a dimension twice: " + copy);
        }
        return copy;
    }

    /**
     * Source or channel names, stripped of surrounding blanks.
     *
     * @throws BadQueryException when a name is empty
     */
    public static List<String> names(List<String> names) {
        List<String> stripped = names.stream().map(String::strip).toList();
        if (stripped.stream().anyMatch(String::isEmpty)) {
            throw new BadQueryException("Source and channel filters may not contain empty names");
        }
        return stripped;
    }
}

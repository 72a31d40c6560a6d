package io.funnelql.warehouse.load;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A user's own header names for canonical columns, for files from CRMs FunnelQL does not know.
 *
 * @param headers canonical column name ({@code created_at}) to the file's header ({@code Signup Time})
 */
public record HeaderMapping(Map<String, String> headers) {

    public HeaderMapping {
        headers = Map.copyOf(headers);
    }

    public static HeaderMapping none() {
        return new HeaderMapping(Map.of());
    }

    /**
     * Parses {@code column=header} pairs, as the CLI's {@code --map} and the HTTP {@code map} parameter
     * take them. The header may contain '=' and spaces; only the first '=' separates.
     *
     * @throws IllegalArgumentException naming the pair that has no '=' or an empty side
     */
    public static HeaderMapping parse(Collection<String> pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("A header mapping is column=header, for example "
                        + "created_at=\"Signup Time\"; got '" + pair + "'");
            }
            String column = pair.substring(0, eq).strip();
            String previous = headers.put(column, pair.substring(eq + 1).strip());
            if (previous != null) {
                throw new IllegalArgumentException("The header mapping names column '" + column + "' twice");
            }
        }
        return new HeaderMapping(headers);
    }

    public Optional<String> headerFor(String column) {
        return Optional.ofNullable(headers.get(column));
    }

    /** A stable text form ("column=header;..."), stored in the load history and part of duplicate detection. */
    public String describe() {
        return headers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }
}

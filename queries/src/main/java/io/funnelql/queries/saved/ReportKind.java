package io.funnelql.queries.saved;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The reports that can be saved; each runs with its own input ({@code FunnelInput} for FUNNEL, ...). */
public enum ReportKind {
    FUNNEL, TRAFFIC, REVENUE, COST, VELOCITY;

    /** The kind stored as {@code name}, in any case. */
    public static Optional<ReportKind> byName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** "FUNNEL, TRAFFIC, ..."; for messages. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The report's name in GraphQL and export URLs: {@code funnel}, {@code cost}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.funnelql.warehouse.demo;

import java.util.stream.Collectors;

/**
 * The company's own source mappings: the spellings its tools use that no default knows
 * ({@code linkedin-ads}, {@code trade-show}...), each mapped to its canonical source and channel. The
 * unmapped spellings of {@link SourceMix#UNMAPPED} are deliberately left out.
 */
final class SourceMapSql {

    private static final String QUERY = """
            SELECT raw_source, source, channel
            FROM (VALUES ${rows}) AS m(raw_source, source, channel)
            ORDER BY raw_source""";

    private SourceMapSql() {
    }

    /** The source map query: one row per profile with a company-specific spelling. */
    static String query(Plan plan) {
        String rows = SourceMix.PROFILES.stream()
                .filter(p -> p.custom() != null)
                .map(p -> "(" + SqlTemplate.text(String.valueOf(p.custom())) + ", " + SqlTemplate.text(p.source()) + ", "
                        + SqlTemplate.text(p.outbound() ? "outbound" : "inbound") + ")")
                .collect(Collectors.joining(", "));
        return plan.template().withFragment("rows", rows).render(QUERY);
    }
}

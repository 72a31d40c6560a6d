package io.funnelql.warehouse.demo;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How one canonical source behaves in the synthetic company.
 *
 * @param source the canonical id ({@code canonical_sources} in the schema)
 * @param outbound true for sales-led sources: they have no web session and often enter the funnel late
 * @param contactShare the share of contacts from this source (all profiles sum to 1)
 * @param sessionShare the share of sessions from this source (all profiles sum to 1)
 * @param hubspot the HubSpot original-source name that maps to it, if HubSpot has one
 * @param label the label spelling (GA4 channel group or HubSpot label) that maps to it, if any
 * @param custom a company-specific spelling that the generated {@code source_map} maps to it, if any
 * @param entry shares of contacts entering at SUBSCRIBER, LEAD, MQL and SQL (sum 1)
 * @param conversion chances of moving on: SUBSCRIBER to LEAD, LEAD to MQL, MQL to SQL, SQL to OPPORTUNITY,
 *        OPPORTUNITY to CUSTOMER
 * @param bounceRate the share of its sessions that see one page only
 * @param details "Original Source Drill-Down 1" values, the first the most common
 */
record SourceProfile(String source, boolean outbound, double contactShare, double sessionShare,
                     @Nullable String hubspot, @Nullable String label, @Nullable String custom,
                     List<Double> entry, List<Double> conversion, double bounceRate, List<String> details) {

    SourceProfile {
        Objects.requireNonNull(source, "source");
        entry = List.copyOf(entry);
        conversion = List.copyOf(conversion);
        details = List.copyOf(details);
        if (entry.size() != 4 || Math.abs(entry.stream().mapToDouble(Double::doubleValue).sum() - 1) > 1e-9) {
            throw new IllegalArgumentException(source + ": entry shares must be four numbers summing to 1");
        }
        if (conversion.size() != 5 || conversion.stream().anyMatch(c -> c < 0 || c > 1)) {
            throw new IllegalArgumentException(source + ": conversion needs five chances in [0, 1]");
        }
    }
}

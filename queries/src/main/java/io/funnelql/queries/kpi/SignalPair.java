package io.funnelql.queries.kpi;

import java.util.Objects;

/**
 * A leading KPI and the lagging one it should carry through to, watched for moving against each other: sessions and
 * the visitor-to-contact rate, MQLs and the MQL-to-SQL rate.
 *
 * @param leading the leading KPI's id
 * @param lagging the lagging KPI's id
 */
public record SignalPair(String leading, String lagging) {

    public SignalPair {
        Objects.requireNonNull(leading, "leading");
        Objects.requireNonNull(lagging, "lagging");
        leading = leading.strip();
        lagging = lagging.strip();
    }
}

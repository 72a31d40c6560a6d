package io.funnelql.queries.quality;

import java.util.List;
import java.util.Objects;

/**
 * A data-quality report.
 *
 * @param query the query as it was answered, with its time zone and week start filled in
 * @param checks every check, in {@link QualityCheck} order, found something or not
 */
public record QualityReport(QualityQuery query, List<CheckResult> checks) {

    public QualityReport {
        Objects.requireNonNull(query, "query");
        checks = List.copyOf(checks);
    }

    /** The checks that found something, in order. */
    public List<CheckResult> problems() {
        return checks.stream().filter(CheckResult::found).toList();
    }

    /** The result of one check. */
    public CheckResult check(QualityCheck check) {
        return checks.stream().filter(result -> result.check() == check).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(check + " was not run"));
    }
}

package io.funnelql.queries.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;

import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Warehouse;

/** What the data-quality tests share: June 2024 (weeks from Monday May 27 to Monday June 24) and the service. */
final class QualityFixtures {

    static final DateRange JUNE = DateRange.of("2024-06-01", "2024-06-30");

    private QualityFixtures() {
    }

    static QualityService service(Warehouse warehouse) {
        return new QualityService(warehouse, ReportSettings.defaults(),
                Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    /** Asserts that every check but {@code found} found nothing: each fixture triggers only what it is built for. */
    static void nothingElse(QualityReport report, QualityCheck... found) {
        Set<QualityCheck> expected = Set.of(found);
        assertThat(report.problems()).extracting(CheckResult::check)
                .containsExactlyElementsOf(Arrays.stream(QualityCheck.values()).filter(expected::contains).toList());
    }
}

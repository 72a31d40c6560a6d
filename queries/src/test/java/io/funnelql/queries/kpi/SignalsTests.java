package io.funnelql.queries.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.Period;

/** The signal rule on hand-made series: trends by least squares over the mean, opposite and past the threshold. */
class SignalsTests {

    static KpiDefinition definition(String id, String name, Indicator indicator) {
        return new KpiDefinition(id, 1, name, "", id, List.of(), List.of(), false, List.of(), Breakdown.NONE, Aggregation.SUM,
                indicator, Instant.EPOCH);
    }

    static KpiSeries series(KpiDefinition definition, Double... values) {
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            LocalDate start = LocalDate.parse("2024-05-06").plusWeeks(i);
            periods.add(new Period(start, start.plusDays(6), start.toString(), true));
        }
        return new KpiSeries(definition, periods, Arrays.stream(values).map(Measure::of).toList(), Measure.of(null), List.of());
    }

    static final KpiDefinition SESSIONS = definition("sessions", "Sessions", Indicator.LEADING);
    static final KpiDefinition RATE = definition("visitor_to_contact_rate", "Visitor-to-contact rate", Indicator.LAGGING);

    @Test
    void theTrendIsTheLeastSquaresSlopeOverTheMean() {
        // x = 0..3, mean x 1.5; 100, 110, 120, 130: slope 10, mean 115.
        assertThat(Signals.trend(List.of(100.0, 110.0, 120.0, 130.0)).getAsDouble()).isCloseTo(10.0 / 115, within(1e-12));
        // 4, 2, 2, 0: sum((x - 1.5)(y - 2)) = -3 - 0 + 0 - 3 = -6, over sum((x - 1.5)^2) = 5: slope -1.2, mean 2.
        assertThat(Signals.trend(List.of(4.0, 2.0, 2.0, 0.0)).getAsDouble()).isCloseTo(-0.6, within(1e-12));
        assertThat(Signals.trend(List.of(0.0, 0.0, 0.0))).isEmpty();
        assertThat(Signals.trend(java.util.Arrays.asList(1.0, null, 2.0))).isEmpty();
        assertThat(Signals.trend(List.of(5.0))).isEmpty();
    }

    @Test
    void flagsALeadingKpiRisingWhileItsLaggingOneFalls() {
        // Sessions 10, 12, 14, 16 (slope 2, mean 13: +15.4% a week); contacts 2 a week, so the rate falls
        // 0.2, 0.1667, 0.1429, 0.125 (slope -0.02488, mean 0.15863: -15.7% a week).
        Signal signal = Signals.detect(series(SESSIONS, 10.0, 12.0, 14.0, 16.0),
                series(RATE, 2 / 10.0, 2 / 12.0, 2 / 14.0, 2 / 16.0), 0.05, Grain.WEEK).orElseThrow();

        assertThat(signal.kind()).isEqualTo(SignalKind.LEADING_UP_LAGGING_DOWN);
        assertThat(signal.leadingTrend()).isCloseTo(2.0 / 13, within(1e-12));
        assertThat(signal.laggingTrend()).isCloseTo(-0.15685, within(1e-4));
        assertThat(signal.leadingValues()).containsExactly(10.0, 12.0, 14.0, 16.0);
        assertThat(signal.periods()).hasSize(4);
        assertThat(signal.message()).isEqualTo("Sessions rose 15.4% a week over the last 4 weeks while Visitor-to-contact rate "
                + "fell 15.7% a week");
    }

    @Test
    void flagsTheOtherWayRoundTooAndNothingBelowTheThreshold() {
        assertThat(Signals.detect(series(SESSIONS, 16.0, 14.0, 12.0, 10.0), series(RATE, 0.10, 0.11, 0.12, 0.13), 0.05, Grain.WEEK))
                .map(Signal::kind).hasValue(SignalKind.LEADING_DOWN_LAGGING_UP);
        // Both rising: no signal. A rate trend of -0.9% a week (0.114, 0.113, 0.112, 0.111) is under 5%: no signal.
        assertThat(Signals.detect(series(SESSIONS, 10.0, 12.0, 14.0, 16.0), series(RATE, 0.10, 0.11, 0.12, 0.13), 0.05, Grain.WEEK))
                .isEmpty();
        assertThat(Signals.detect(series(SESSIONS, 10.0, 12.0, 14.0, 16.0), series(RATE, 0.114, 0.113, 0.112, 0.111), 0.05,
                Grain.WEEK)).isEmpty();
        // A rate undefined in one week (no visitors): no trend, no signal.
        assertThat(Signals.detect(series(SESSIONS, 0.0, 12.0, 14.0, 16.0), series(RATE, null, 0.11, 0.10, 0.09), 0.05, Grain.WEEK))
                .isEmpty();
    }
}

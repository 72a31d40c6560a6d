package io.funnelql.warehouse.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ZoneShiftTests {

    @Test
    void aZoneWithoutTransitionsInTheSpanIsFixed() {
        ZoneShift shift = ZoneShift.of(ZoneId.of("Asia/Kolkata"), Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:00:00Z"));

        assertThat(shift.isFixed()).isTrue();
        assertThat(shift.initialOffsetSeconds()).isEqualTo(5 * 3600 + 1800);
    }

    @Test
    void listsEachDaylightSavingTransitionInsideTheSpan() {
        ZoneShift shift = ZoneShift.of(ZoneId.of("America/New_York"), Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:00:00Z"));

        assertThat(shift.initialOffsetSeconds()).isEqualTo(-5 * 3600);
        assertThat(shift.transitions()).containsExactly(
                new ZoneShift.Change(Instant.parse("2024-03-10T07:00:00Z").getEpochSecond(), -4 * 3600),
                new ZoneShift.Change(Instant.parse("2024-11-03T06:00:00Z").getEpochSecond(), -5 * 3600));
    }
}

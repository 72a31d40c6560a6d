package io.funnelql.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SamplesTests {

    @Test
    void nearestRankPercentilesOfFiveSamples() {
        // The worked example of the nearest-rank method: 15, 20, 35, 40, 50, added out of order.
        Samples samples = of(40, 15, 50, 35, 20);
        assertThat(samples.percentile(0.05)).isEqualTo(15);
        assertThat(samples.percentile(0.30)).isEqualTo(20);
        assertThat(samples.percentile(0.40)).isEqualTo(20);
        assertThat(samples.percentile(0.50)).isEqualTo(35);
        assertThat(samples.percentile(1.0)).isEqualTo(50);
    }

    @Test
    void medianOfAnEvenCountIsTheLowerMiddleSample() {
        Samples samples = new Samples();
        for (long i = 20; i >= 1; i--) {
            samples.add(i);
        }
        assertThat(samples.percentile(0.5)).isEqualTo(10);
        assertThat(samples.percentile(0.95)).isEqualTo(19);
        assertThat(samples.percentile(0.99)).isEqualTo(20);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        Samples samples = of(7_000_000);
        assertThat(samples.percentile(0.01)).isEqualTo(7_000_000);
        assertThat(samples.percentile(0.95)).isEqualTo(7_000_000);
        assertThat(samples.millis(0.5)).isEqualTo(7.0);
    }

    @Test
    void mergeKeepsEverySampleOfEveryPart() {
        Samples merged = Samples.merge(List.of(of(1, 2), of(3), of(4, 5, 6)));
        assertThat(merged.size()).isEqualTo(6);
        assertThat(merged.percentile(0.5)).isEqualTo(3);
        assertThat(merged.percentile(1.0)).isEqualTo(6);
    }

    @Test
    void noSamplesHaveNoPercentile() {
        assertThatThrownBy(() -> new Samples().percentile(0.5)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.5, 1.01, 50, Double.NaN})
    void percentileIsAFractionAboveZeroUpToOne(double q) {
        assertThatThrownBy(() -> of(1).percentile(q)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeTimesAreRefused() {
        assertThatThrownBy(() -> new Samples().add(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Samples of(long... values) {
        Samples samples = new Samples();
        for (long value : values) {
            samples.add(value);
        }
        return samples;
    }
}

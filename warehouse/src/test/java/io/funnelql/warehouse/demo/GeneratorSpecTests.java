package io.funnelql.warehouse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeneratorSpecTests {

    @Test
    void demoIsFiftyThousandContactsAndAMillionSessionsWithSeed42() {
        GeneratorSpec demo = GeneratorSpec.demo(LocalDate.of(2025, 6, 30));

        assertThat(demo.contacts()).isEqualTo(50_000);
        assertThat(demo.sessions()).isEqualTo(1_000_000);
        assertThat(demo.seed()).isEqualTo(42);
    }

    @Test
    void coversTheThreeYearsEndingOnUntil() {
        assertThat(GeneratorSpec.demo(LocalDate.of(2025, 6, 30)).from()).isEqualTo(LocalDate.of(2022, 7, 1));
        // a leap day: three years before March 1 is March 1
        assertThat(GeneratorSpec.demo(LocalDate.of(2024, 2, 29)).from()).isEqualTo(LocalDate.of(2021, 3, 1));
    }

    @ParameterizedTest
    @CsvSource({
            "0, 10, 2025-06-30, contacts",
            "-5, 10, 2025-06-30, contacts",
            "1000000001, 10, 2025-06-30, contacts",
            "10, -1, 2025-06-30, sessions",
            "10, 10000000001, 2025-06-30, sessions",
            "10, 10, 1900-01-01, until",
            "10, 10, 2099-06-30, until"})
    void rejectsSpecsOutsideItsLimits(long contacts, long sessions, LocalDate until, String named) {
        assertThatIllegalArgumentException().isThrownBy(() -> new GeneratorSpec(contacts, sessions, 1, until))
                .withMessageStartingWith(named);
    }

    @Test
    void acceptsZeroSessionsAndAnySeed() {
        GeneratorSpec spec = new GeneratorSpec(1, 0, Long.MIN_VALUE, LocalDate.of(2025, 6, 30));

        assertThat(spec.sessions()).isZero();
    }
}

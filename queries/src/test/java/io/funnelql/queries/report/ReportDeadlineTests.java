package io.funnelql.queries.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ReportDeadlineTests {

    /** Minutes of work on any machine: DuckDB hashes three billion numbers. */
    static final String ENDLESS = "SELECT count(*) FROM range(3000000000) t(x) WHERE hash(x) % 7 = 3";

    @Test
    void cancelsTheStatementInDuckDbWhenTheDeadlinePassesAndRefusesTheReport() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement statement = connection.prepareStatement(ENDLESS)) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> ReportDeadline.start(Duration.ofMillis(200)).executeQuery(statement))
                    .isInstanceOf(BadQueryException.class)
                    .hasMessageStartingWith("The report took longer than 0.200 s, the most a report may take, and was stopped. "
                            + "Ask for less: a shorter range, a longer grain or fewer groups");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            try (PreparedStatement next = connection.prepareStatement("SELECT 42"); ResultSet rs = next.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("the connection still works").isEqualTo(42);
            }
        }
    }

    @Test
    void aQueryWithinTheDeadlineAnswersAsUsual() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement statement = connection.prepareStatement("SELECT 6 * 7");
             ResultSet rs = ReportDeadline.start(Duration.ofSeconds(30)).executeQuery(statement)) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void aDeadlineThatPassedBeforeTheStatementRefusesItWithoutRunningIt() throws SQLException {
        ReportDeadline deadline = ReportDeadline.start(Duration.ofNanos(1));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement statement = connection.prepareStatement(ENDLESS)) {
            assertThatThrownBy(() -> deadline.executeQuery(statement)).isInstanceOf(BadQueryException.class)
                    .hasMessageContaining("took longer than 0 s");
        }
    }

    @Test
    void settingsKeepThirtySecondsUnlessToldAndRefuseANonPositiveTimeout() {
        assertThat(ReportSettings.defaults().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(ReportSettings.defaults().withTimeout(Duration.ofSeconds(5)).timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> new ReportSettings(ZoneId.of("UTC"), DayOfWeek.MONDAY, 1, 10, 10, Duration.ZERO))
                .hasMessage("the report timeout must be positive, got PT0S");
    }
}

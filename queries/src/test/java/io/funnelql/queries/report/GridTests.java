package io.funnelql.queries.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reading a report statement's grouping sets. */
class GridTests {

    @Test
    void keepsEachSetApartAndReadsNullAsZero() throws SQLException {
        String sql = "SELECT period_start, source, channel, " + Grid.SET_ID + ", sum(n) AS n, sum(m) AS m FROM (VALUES "
                + "(DATE '2024-06-01', 'a', CAST(NULL AS VARCHAR), 2, CAST(NULL AS DECIMAL(18, 2))), "
                + "(DATE '2024-07-01', 'a', NULL, 3, NULL), (DATE '2024-07-01', 'b', NULL, 4, 1.5)) t(period_start, source, channel, n, m) "
                + Grid.groupingSets(List.of(Dimension.SOURCE));
        Grid grid;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            grid = Grid.read(rs, List.of("n", "m"), Map.of(LocalDate.parse("2024-06-01"), 0, LocalDate.parse("2024-07-01"), 1));
        }

        Group a = new Group("a", null);
        Group b = new Group("b", null);
        assertThat(grid.groups()).containsExactly(a, b);
        // a's m is NULL in every row: 0, not NaN.
        assertThat(grid.cell(a, 0)).containsExactly(2.0, 0.0);
        assertThat(grid.cell(a, 1)).containsExactly(3.0, 0.0);
        assertThat(grid.cell(b, 0)).containsExactly(0.0, 0.0);
        assertThat(grid.groupTotal(a)).containsExactly(5.0, 0.0);
        assertThat(grid.total()).containsExactly(9.0, 1.5);
    }
}

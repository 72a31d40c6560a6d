package io.funnelql.warehouse.demo;

import static io.funnelql.warehouse.TestWarehouses.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;

class SqlTemplateTests {

    @Test
    void expandsValuesAndTheFragmentsInsideFragments() {
        SqlTemplate template = new SqlTemplate(42)
                .with("n", 3)
                .with("share", 0.25)
                .with("day", LocalDate.of(2025, 6, 30))
                .withList("factors", 1.5, 2)
                .withFragment("twice", "${n} * 2");

        assertThat(template.render("SELECT ${twice}, ${share}, ${day}, ${factors}"))
                .isEqualTo("SELECT 3 * 2, 0.25e0, DATE '2025-06-30', [1.5e0, 2.0e0]");
    }

    @Test
    void failsOnAPlaceholderWithoutValue() {
        assertThatIllegalStateException().isThrownBy(() -> new SqlTemplate(1).render("SELECT ${missing}"))
                .withMessageContaining("${missing}");
    }

    @Test
    void failsOnRndOfAnotherShape() {
        assertThatIllegalStateException().isThrownBy(() -> new SqlTemplate(1).render("SELECT rnd(i + 1, 'x')"));
    }

    @Test
    void acceptsOnlyPlainTextConstants() {
        assertThat(SqlTemplate.text("/blog/mql-vs-sql")).isEqualTo("'/blog/mql-vs-sql'");
        assertThat(SqlTemplate.texts(Arrays.asList("a", null))).isEqualTo("['a', CAST(NULL AS VARCHAR)]");
        assertThatIllegalArgumentException().isThrownBy(() -> SqlTemplate.text("it's"));
    }

    @Test
    void rndIsUniformAndIndependentAcrossSalts() {
        String sql = new SqlTemplate(42).render("""
                SELECT round(1000 * avg(a)), round(1000 * corr(a, b)), round(1000 * corr(a, c)),
                       count(*) FILTER (WHERE a < 0 OR a >= 1), count(*) FILTER (WHERE a < 0.1 AND b < 0.1)
                FROM (SELECT rnd(i, 'to-sql') AS a, rnd(i, 'to-opportunity') AS b, rnd(next, 'to-sql') AS c
                      FROM (SELECT i, i + 1 AS next FROM range(100000) t(i)))""");
        try (Warehouse warehouse = TestWarehouses.inMemory()) {
            List<String> row = TestWarehouses.rows(warehouse, sql);

            String[] values = row.get(0).split("\\|");
            assertThat(Double.parseDouble(values[0])).isBetween(490.0, 510.0);
            // DuckDB's hash(seed, i, salt) gives a correlation of -0.99 here
            assertThat(Math.abs(Double.parseDouble(values[1]))).isLessThan(20);
            assertThat(Math.abs(Double.parseDouble(values[2]))).isLessThan(20);
            assertThat(values[3]).isEqualTo("0");
            // 1% of 100,000 expected when independent
            assertThat(Long.parseLong(values[4])).isBetween(850L, 1150L);
        }
    }

    @Test
    void rndDependsOnTheSeed() {
        try (Warehouse warehouse = TestWarehouses.inMemory()) {
            String sql = "SELECT CAST(1e9 * rnd(i, 'x') AS BIGINT) FROM range(1) t(i)";
            assertThat(count(warehouse, new SqlTemplate(1).render(sql)))
                    .isEqualTo(count(warehouse, new SqlTemplate(1).render(sql)))
                    .isNotEqualTo(count(warehouse, new SqlTemplate(2).render(sql)));
        }
    }
}

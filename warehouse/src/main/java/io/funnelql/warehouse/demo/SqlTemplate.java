package io.funnelql.warehouse.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Turns the generator's SQL templates into statements. Two notations, both expanded here:
 * <ul>
 * <li>{@code ${name}}: a value put in with one of the {@code with} methods. Values are numbers, dates
 *     and fragments that this package builds from its own constants, never text from a user.</li>
 * <li>{@code rnd(column, 'salt')}: a pseudo-random number in [0, 1) that depends only on the seed, the
 *     column's integer (or text) value and the salt. It is built on DuckDB's {@code hash}, so it gives the
 *     same number however DuckDB splits the work between threads, which {@code random()} does not.</li>
 * </ul>
 * A name without a value, or a {@code rnd(} that is not of that exact shape, fails loudly.
 */
final class SqlTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9_]+)}");
    private static final Pattern RND = Pattern.compile("rnd\\((\\w+(?:\\.\\w+)?), '([a-z0-9_-]+)'\\)");
    /**
     * The value's hash, mixed with a key for (seed, salt) and hashed again; its 53 high bits times 2^-53
     * give every double in [0, 1) on the 2^-53 grid. DuckDB's several-argument {@code hash(a, b, c)} is not
     * used: it combines its arguments so weakly that two salts give almost perfectly correlated numbers.
     */
    private static final String RND_EXPRESSION = "((hash(xor(hash(%s), CAST(%s AS UBIGINT))) >> 11) * 1.1102230246251565e-16)";

    private static final int MAX_DEPTH = 4;

    private final long seed;
    private final Map<String, String> values = new LinkedHashMap<>();

    SqlTemplate(long seed) {
        this.seed = seed;
    }

    SqlTemplate with(String name, long value) {
        return put(name, Long.toString(value));
    }

    SqlTemplate with(String name, double value) {
        return put(name, number(value));
    }

    /** A date, as a DATE literal. */
    SqlTemplate with(String name, LocalDate value) {
        return put(name, "DATE '" + value + "'");
    }

    /** A list of numbers, as a DuckDB list literal (1-based when indexed). */
    SqlTemplate withList(String name, double... numbers) {
        return put(name, Arrays.stream(numbers).mapToObj(SqlTemplate::number).collect(Collectors.joining(", ", "[", "]")));
    }

    /** A fragment of SQL that this package built from its own constants. */
    SqlTemplate withFragment(String name, String sql) {
        return put(name, sql);
    }

    private SqlTemplate put(String name, String sql) {
        if (!PLACEHOLDER.matcher("${" + name + "}").matches()) {
            throw new IllegalArgumentException("bad placeholder name " + name);
        }
        values.put(name, sql);
        return this;
    }

    /** The statement: placeholders expanded (fragments may hold placeholders too), then {@code rnd}. */
    String render(String template) {
        String sql = template;
        for (int depth = 0; sql.contains("${"); depth++) {
            if (depth == MAX_DEPTH) {
                throw new IllegalStateException("placeholders nest deeper than " + MAX_DEPTH + " levels");
            }
            sql = expand(sql);
        }
        sql = RND.matcher(sql).replaceAll(m -> Matcher.quoteReplacement(
                String.format(Locale.ROOT, RND_EXPRESSION, m.group(1), Long.toUnsignedString(key(seed, m.group(2))))));
        if (sql.contains("rnd(")) {
            throw new IllegalStateException("rnd( not of the form rnd(column, 'salt') in generator SQL: " + sql);
        }
        return sql;
    }

    private String expand(String sql) {
        Matcher placeholders = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (placeholders.find()) {
            String value = values.get(placeholders.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for ${" + placeholders.group(1) + "}");
            }
            placeholders.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholders.appendTail(out);
        return out.toString();
    }

    /**
     * The 64-bit key of a (seed, salt) pair: FNV-1a of the salt, mixed with the seed by SplitMix64's
     * finaliser, so that every pair gets its own unrelated stream.
     */
    static long key(long seed, String salt) {
        long h = 0xcbf29ce484222325L;
        for (byte b : salt.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        long z = seed + 0x9e3779b97f4a7c15L * (h | 1);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * A text constant of this package as a SQL string literal. Constants are plain words, paths and
     * labels; anything else is a programming error, so no quoting rules are needed.
     */
    static String text(String text) {
        if (!text.matches("[A-Za-z0-9 ._@/:,-]*")) {
            throw new IllegalArgumentException("generator text constants are plain words, got " + text);
        }
        return "'" + text + "'";
    }

    /** A list literal of texts; NULL elements stay NULL; an empty list is typed so that DuckDB can bind it. */
    static String texts(List<? extends @Nullable String> texts) {
        return texts.isEmpty() ? "CAST([] AS VARCHAR[])"
                : texts.stream().map(t -> t == null ? "CAST(NULL AS VARCHAR)" : text(t)).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A finite double as a DOUBLE literal (with an exponent, so DuckDB does not read it as a DECIMAL). */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        return new BigDecimal(Double.toString(value)).toPlainString() + "e0";
    }
}

package io.funnelql.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.api.load.LoadService;

/**
 * Thousands of generated funnel inputs over real HTTP, every field drawn from valid, edge and hostile values
 * (dates in year 1 and 9999, unknown zones and enums, huge numbers, SQL in strings, wrong JSON types): every
 * answer is a report or an error a client can act on, never a 500 or an {@code INTERNAL_ERROR}. The seed is
 * fixed so a failure repeats; {@code -Dfunnelql.random.seed=N} tries another sequence.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RandomFunnelInputTests {

    static final int INPUTS = 2000;

    static final String QUERY = """
            query Random($input: FunnelInput!) {
              funnel(input: $input) {
                stages
                rows { period { start end label complete } source channel steps { stage count stepRate overallRate previous change changeRate } }
                totals { stage count stepRate overallRate previous change changeRate }
                groupTotals { source channel steps { count } }
                asOf knownAt timeZone weekStart
              }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    LoadService loads;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    final Random random = new Random(Long.getLong("funnelql.random.seed", 20240601L));

    @BeforeAll
    void contacts() {
        loads.load("contacts", "text/csv", "random-inputs.csv", List.of(), new ByteArrayInputStream("""
                contact_id,created_at,source,lead_at,mql_at,sql_at,customer_at
                rnd-1,2016-01-04 09:00,organic_search,2016-01-04,2016-01-20,2016-02-03,2016-03-01
                rnd-2,2016-01-15 23:30,paid_search,,2016-02-01,,
                rnd-3,2016-02-29 12:00,random-input-test,2016-03-01,,2016-02-01,
                rnd-4,2016-03-27 01:30,email,2016-03-27,2016-03-28,2016-03-29,2016-03-30
                """.getBytes(StandardCharsets.UTF_8)));
    }

    /** One of the choices, made. */
    final Object one(Supplier<?>... choices) {
        return choices[random.nextInt(choices.length)].get();
    }

    /** Mostly a value a client could mean, one time in eight a hostile one: so that many inputs are answered. */
    Object either(Supplier<?> usual, Supplier<?> hostile) {
        return random.nextInt(8) == 0 ? hostile.get() : usual.get();
    }

    Object date() {
        return either(() -> one(() -> "2016-01-0" + (1 + random.nextInt(9)), () -> "2016-0" + (1 + random.nextInt(9)) + "-15",
                        () -> "2015-12-31", () -> "2016-02-29", () -> "2016-03-27"),
                () -> one(() -> "0001-01-01", () -> "9999-12-31", () -> "1970-01-01", () -> "2100-01-01", () -> "1899-12-31",
                        () -> "2016-13-01", () -> "2016-02-30", () -> "", () -> "yesterday", () -> 20160101, () -> null,
                        () -> "+999999999-12-31", () -> "2016-01-01T00:00:00Z"));
    }

    Object instant() {
        return either(() -> one(() -> "2016-02-15T00:00:00Z", () -> "2016-03-01T12:30:00+02:00", () -> "2016-03-27T02:30:00+01:00"),
                () -> one(() -> "0001-01-01T00:00:00Z", () -> "9999-12-31T23:59:59Z", () -> "1970-01-01T00:00:00Z",
                        () -> "2016-01-01T00:00:00+25:00", () -> "2016-01-01", () -> "now", () -> "", () -> 1451606400));
    }

    Object enumValue(String... values) {
        return either(() -> values[random.nextInt(values.length)],
                () -> one(() -> values[random.nextInt(values.length)].toLowerCase(Locale.ROOT), () -> "FORTNIGHT", () -> "",
                        () -> 42, () -> null, () -> List.of(values[0])));
    }

    Object list(Supplier<Object> element) {
        return either(() -> one(List::of, () -> {
            List<Object> list = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                list.add(element.get());
            }
            return list;
        }), () -> one(() -> null, () -> "not a list", () -> Arrays.asList(element.get(), null),
                // Over the 1 MB request limit with long elements, yet under what Tomcat reads past a refusal (2 MB).
                () -> Collections.nCopies(150, element.get())));
    }

    Object text() {
        return either(() -> one(() -> "organic_search", () -> "paid_search", () -> "random-input-test", () -> "email"),
                () -> one(() -> "unknown", () -> "", () -> " ", () -> "'; DROP TABLE contacts; --", () -> "x".repeat(10_000),
                        () -> "organic\u0000search", () -> "Ünïcødé 🚀", () -> null, () -> 7, () -> "%", () -> "$1"));
    }

    Object channel() {
        return either(() -> one(() -> "inbound", () -> "outbound", () -> "unknown"), this::text);
    }

    Object number() {
        return either(() -> one(() -> 0, () -> 1, () -> 30, () -> 365),
                () -> one(() -> null, () -> -1, () -> Integer.MAX_VALUE, () -> Integer.MIN_VALUE, () -> 4_294_967_296L,
                        () -> 1.5, () -> "30", () -> true));
    }

    Object zone() {
        return either(() -> one(() -> "UTC", () -> "Europe/Berlin", () -> "America/Los_Angeles", () -> "Asia/Kolkata",
                        () -> "Australia/Lord_Howe", () -> "Pacific/Kiritimati", () -> "+14:00", () -> "-12:00"),
                () -> one(() -> "+25:00", () -> "Mars/Olympus_Mons", () -> "", () -> "../../etc/passwd", () -> "GMT+3",
                        () -> 5, () -> "z".repeat(5000), () -> null));
    }

    Map<String, Object> input() {
        Map<String, Object> input = new LinkedHashMap<>();
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("from", date());
        range.put("to", date());
        input.put("range", either(() -> range, () -> one(() -> null, () -> "2016", Map::of)));
        String[] stages = {"CREATED", "SUBSCRIBER", "LEAD", "MQL", "SQL", "OPPORTUNITY", "CUSTOMER", "EVANGELIST"};
        Map<String, Supplier<Object>> fields = new LinkedHashMap<>();
        fields.put("grain", () -> enumValue("DAY", "WEEK", "MONTH", "QUARTER", "YEAR"));
        fields.put("cohort", () -> enumValue("CREATED", "ENTERED"));
        fields.put("stages", () -> list(() -> enumValue(stages)));
        fields.put("groupBy", () -> list(() -> enumValue("SOURCE", "CHANNEL")));
        fields.put("sources", () -> list(this::text));
        fields.put("channels", () -> list(this::channel));
        fields.put("cumulative", () -> either(random::nextBoolean, () -> one(() -> null, () -> "yes", () -> 1)));
        fields.put("withinDays", this::number);
        fields.put("asOf", this::instant);
        fields.put("knownAt", this::instant);
        fields.put("compare", () -> enumValue("NONE", "PREVIOUS_PERIOD", "PREVIOUS_YEAR"));
        fields.put("weekStart", () -> enumValue("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
        fields.put("timeZone", this::zone);
        fields.forEach((name, value) -> {
            if (random.nextInt(2) == 0) {
                input.put(name, value.get());
            }
        });
        if (random.nextInt(20) == 0) {
            input.put("unknownField", "surprise");
        }
        return input;
    }

    /** What became of one input: a report, or a refusal with a message. */
    enum Outcome { REPORT, REFUSED }

    @Test
    void noGeneratedInputGetsA500OrAnInternalError() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("query", QUERY);
            request.put("variables", Collections.singletonMap("input", input()));
            bodies.add(json.writeValueAsString(request));
        }
        // Generated in order from the seed, sent by a few clients at once, as a server meets them.
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                int index = i;
                outcomes.add(clients.submit(() -> send(index, bodies.get(index))));
            }
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            for (Future<Outcome> outcome : outcomes) {
                counts.merge(outcome.get(), 1, Integer::sum);
            }
            assertThat(counts.getOrDefault(Outcome.REPORT, 0)).as("inputs answered with a report").isGreaterThan(INPUTS / 50);
            assertThat(counts.getOrDefault(Outcome.REFUSED, 0)).as("inputs refused").isGreaterThan(INPUTS / 5);
        } finally {
            clients.shutdownNow();
        }
    }

    Outcome send(int index, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
        String shown = "input #" + index + ": " + abbreviated(body) + "\nanswer " + response.statusCode() + ": "
                + abbreviated(response.body());
        assertThat(response.statusCode()).as(shown).isIn(200, 400, 413);
        assertThat(response.body()).as(shown).doesNotContain("INTERNAL_ERROR", "Exception", "\tat ", "SELECT ");
        JsonNode answer = json.readTree(response.body());
        if (response.statusCode() != 200) {
            assertThat(answer.get("error").asString()).as(shown).isNotBlank();
            return Outcome.REFUSED;
        }
        if (answer.has("errors") && !answer.get("errors").isEmpty()) {
            for (JsonNode error : answer.get("errors")) {
                assertThat(error.get("message").asString()).as(shown).isNotBlank();
            }
            return Outcome.REFUSED;
        }
        assertThat(answer.at("/data/funnel/stages").isArray()).as(shown).isTrue();
        return Outcome.REPORT;
    }

    static String abbreviated(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}

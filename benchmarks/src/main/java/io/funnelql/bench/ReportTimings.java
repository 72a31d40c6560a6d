package io.funnelql.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.queries.engine.SqlStatement;

/**
 * Times one report workload every way it can be answered, runs interleaved so that a burst of other work on
 * the machine hits them alike, and checks that every way gives the same numbers.
 *
 * <ul>
 *   <li>end to end: {@code POST /graphql} with {@code Cache-Control: no-cache}, from sending to the last byte;
 *   <li>cached: the same request without the header, answered from the response cache;
 *   <li>service: the report service the API calls, in process (SQL, plan and assembly; no HTTP, no GraphQL);
 *   <li>direct: the API's own statements ({@code statements(query)}) prepared, run and read to the last row
 *       over one JDBC connection to the same database;
 *   <li>raw: the plain-SQL scan of the raw rows for the same report, run the same way, in fewer runs
 *       (it is the slow one at scale);
 *   <li>json: the server's own JSON mapper writing the answer's {@code data} (read back as maps, lists,
 *       strings and numbers) to bytes: what writing that much JSON costs, whatever builds it.
 * </ul>
 *
 * <p>The direct SQL, the JSON and the cached answer (HTTP moving the finished bytes) add up to a floor that
 * no uncached answer goes under: {@link Result#floorOverDirect()}.
 */
final class ReportTimings {

    /**
     * One workload's timings.
     *
     * @param identical the rollup and raw-scan answers are equal, and the GraphQL answer holds their numbers
     * @param numbers how many numbers were compared
     * @param answerBytes the size of the GraphQL answer (JSON)
     */
    record Result(Workload workload, Samples endToEnd, Samples cached, Samples service, Samples direct, Samples raw,
                  Samples json, boolean identical, int numbers, int answerBytes) {

        /** The least an uncached answer can take, in ms: direct SQL, writing its JSON and the cached answer, medians. */
        double floorMillis() {
            return direct.millis(0.5) + json.millis(0.5) + cached.millis(0.5);
        }

        /** {@link #floorMillis()} over direct SQL: the best e2e/direct any server could reach for this answer. */
        double floorOverDirect() {
            return floorMillis() / direct.millis(0.5);
        }

        /** End to end over direct SQL, medians; the funnel issue's goal is 1.2 or less. */
        double endToEndOverDirect() {
            return (double) endToEnd.percentile(0.5) / direct.percentile(0.5);
        }

        /** Raw scan over end to end, medians; the speed issue's goal is 5 or more. */
        double rawOverEndToEnd() {
            return (double) raw.percentile(0.5) / endToEnd.percentile(0.5);
        }
    }

    private ReportTimings() {
    }

    /**
     * @param rawRuns how many of the timed runs also time the raw scan (at most {@code runs}); the scan is run
     *        untimed once before them, on the last warm-up run
     */
    static Result measure(Server server, Http http, JsonMapper json, Workload workload, int warmup, int runs, int rawRuns)
            throws IOException, InterruptedException, SQLException {
        ReportKind kind = workload.kind();
        ReportKind.Reference reference = kind.reference(server, workload.input());
        Http.Answer first = http.graphql(kind.document(), workload.variables(), true);
        JsonNode api = first.report(json, kind.field());
        Object answer = reference.answer();
        List<Double> numbers = reference.numbers(answer);
        boolean identical = answer.equals(reference.rawAnswer()) && numbers.equals(kind.numbers(api));
        JsonMapper serverJson = server.bean(JsonMapper.class);
        Object data = json.readValue(first.body(), Map.class).get("data");

        Samples endToEnd = new Samples();
        Samples cached = new Samples();
        Samples service = new Samples();
        Samples direct = new Samples();
        Samples raw = new Samples();
        Samples written = new Samples();
        try (Connection connection = server.warehouse().connect()) {
            for (int run = 0; run < warmup + runs; run++) {
                boolean timed = run >= warmup;
                long d = runDirect(connection, reference.statements());
                long s = time(reference::answer);
                long j = time(() -> serverJson.writeValueAsBytes(data));
                Http.Answer fresh = http.graphql(kind.document(), workload.variables(), true);
                Http.Answer hit = http.graphql(kind.document(), workload.variables(), false);
                // The raw scans are the slow part at scale: run on the last warm-up run and the first timed ones.
                boolean scan = run == warmup - 1 || (timed && run < warmup + rawRuns);
                long r = scan ? runDirect(connection, reference.rawStatements()) : -1;
                fresh.report(json, kind.field());
                hit.report(json, kind.field());
                if (timed) {
                    direct.add(d);
                    service.add(s);
                    written.add(j);
                    endToEnd.add(fresh.nanos());
                    cached.add(hit.nanos());
                    if (scan) {
                        raw.add(r);
                    }
                }
            }
        }
        return new Result(workload, endToEnd, cached, service, direct, raw, written, identical, numbers.size(), first.body().length);
    }

    /** Prepares, binds, runs and reads every row and column of each statement; returns the nanoseconds taken. */
    static long runDirect(Connection connection, List<SqlStatement> statements) throws SQLException {
        long start = System.nanoTime();
        for (SqlStatement sql : statements) {
            try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
                for (int i = 0; i < sql.parameters().size(); i++) {
                    statement.setObject(i + 1, sql.parameters().get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            rs.getObject(c);
                        }
                    }
                }
            }
        }
        return System.nanoTime() - start;
    }

    /**
     * Sends every workload, fresh and then cached, and the smallest GraphQL request, one after another for
     * {@code seconds}, untimed: a server that has just started runs its request handling interpreted until
     * the JIT compiles it (a cached answer took 3 ms then, under 1 ms after a few thousand requests), and the
     * timings should show a server that has been up for a while, as users meet it.
     */
    static void warmUp(Http http, List<Workload> workloads, int seconds) throws IOException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (Workload workload : workloads) {
                http.graphql(workload.kind().document(), workload.variables(), true);
                http.graphql(workload.kind().document(), workload.variables(), false);
                http.graphql("{ __typename }", Map.of(), false);
            }
        }
    }

    /**
     * The smallest GraphQL request, {@code { __typename }}, timed like the reports: what HTTP and GraphQL's
     * own handling cost before any report is looked up or computed.
     */
    static Samples httpFloor(Http http, int warmup, int runs) throws IOException {
        Samples floor = new Samples();
        for (int run = 0; run < warmup + runs; run++) {
            Http.Answer answer = http.graphql("{ __typename }", Map.of(), false);
            if (answer.status() != 200) {
                throw new IllegalStateException("{ __typename } answered HTTP " + answer.status());
            }
            if (run >= warmup) {
                floor.add(answer.nanos());
            }
        }
        return floor;
    }

    private static long time(Supplier<Object> work) {
        long start = System.nanoTime();
        work.get();
        return System.nanoTime() - start;
    }
}

package io.funnelql.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

import tools.jackson.databind.json.JsonMapper;

/**
 * Concurrent dashboard users: {@code n} clients, each sending one uncached report request after another
 * ({@code Cache-Control: no-cache}), cycling through the workloads from its own starting point, until told
 * to stop. A request counts as an error when it fails, answers other than 200, or holds GraphQL errors.
 */
final class Clients {

    /**
     * What the clients did.
     *
     * @param seconds from the first client's start to the last client's end
     * @param latencies every successful request's time, from sending to the last byte
     * @param errors the first few errors' messages (of {@code errorCount})
     */
    record Result(int clients, long requests, long errorCount, double seconds, Samples latencies, List<String> errors) {

        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private Clients() {
    }

    /** Runs {@code clients} clients until {@code keepGoing} says no; each finishes its request under way. */
    static Result run(Http http, JsonMapper json, List<Workload> workloads, int clients, BooleanSupplier keepGoing)
            throws InterruptedException {
        List<Samples> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        long[] requests = new long[clients];
        long[] failures = new long[clients];
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                Samples mine = new Samples();
                for (int i = client; keepGoing.getAsBoolean(); i++) {
                    Workload workload = workloads.get(i % workloads.size());
                    requests[client]++;
                    try {
                        Http.Answer answer = http.graphql(workload.kind().document(), workload.variables(), true);
                        answer.report(json, workload.kind().field());
                        mine.add(answer.nanos());
                    } catch (Exception e) {
                        failures[client]++;
                        if (errors.size() < 5) {
                            errors.add(workload.name() + ": " + e);
                        }
                        if (e instanceof InterruptedException) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                }
                latencies.add(mine);
            }, "bench-client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = 0;
        long failed = 0;
        for (int c = 0; c < clients; c++) {
            total += requests[c];
            failed += failures[c];
        }
        return new Result(clients, total, failed, seconds, Samples.merge(latencies), List.copyOf(errors));
    }
}

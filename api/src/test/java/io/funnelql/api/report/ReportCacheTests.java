package io.funnelql.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.api.workspace.Workspace;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.Loader;

class ReportCacheTests {

    @TempDir
    Path dir;

    final Workspace workspace = new Workspace("default", TestWarehouses.inMemory());
    final MutableClock clock = new MutableClock();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ReportCache cache = new ReportCache(new ReportCacheProperties(true, 16), registry, clock);
    final AtomicInteger computed = new AtomicInteger();

    @AfterEach
    void close() {
        workspace.close();
    }

    String answer(String query, boolean asOfNow, boolean refresh) {
        return cache.get(workspace, "test", query, asOfNow, refresh, () -> query + "#" + computed.incrementAndGet(), a -> 1);
    }

    @Test
    void answersTheSameQueryFromTheCache() {
        assertThat(answer("q", false, false)).isEqualTo("q#1");
        assertThat(answer("q", false, false)).isEqualTo("q#1");
        assertThat(answer("other", false, false)).isEqualTo("other#2");
        assertThat(registry.get("cache.gets").tag("cache", "reports").tag("result", "hit").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("cache.gets").tag("cache", "reports").tag("result", "miss").functionCounter().count()).isEqualTo(2);
    }

    @Test
    void aCommittedLoadMakesEveryCachedAnswerOld() throws IOException {
        answer("q", false, false);

        new Loader(workspace.warehouse()).load(LoadRequest.of(Dataset.CONTACTS,
                Files.writeString(dir.resolve("c.csv"), "contact_id,created_at\nc1,2024-06-01\n")));

        assertThat(answer("q", false, false)).isEqualTo("q#2");
    }

    @Test
    void anAsOfNowAnswerIsKeptForTheMinuteOnly() {
        answer("q", true, false);
        clock.now = clock.now.plusSeconds(30);
        assertThat(answer("q", true, false)).isEqualTo("q#1");

        clock.now = clock.now.plusSeconds(31);
        assertThat(answer("q", true, false)).isEqualTo("q#2");
    }

    @Test
    void noCacheComputesAFreshAnswerAndKeepsIt() {
        answer("q", false, false);

        assertThat(answer("q", false, true)).isEqualTo("q#2");
        assertThat(answer("q", false, false)).isEqualTo("q#2");
    }

    @Test
    void aDisabledCacheAlwaysComputes() {
        ReportCache off = new ReportCache(new ReportCacheProperties(false, 16), registry, clock);

        off.get(workspace, "test", "q", false, false, computed::incrementAndGet, a -> 1);
        off.get(workspace, "test", "q", false, false, computed::incrementAndGet, a -> 1);

        assertThat(computed).hasValue(2);
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2025-01-01T12:00:10Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

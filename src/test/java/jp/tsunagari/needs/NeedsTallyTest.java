package jp.tsunagari.needs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-memory counts: bounded, and nothing lost while a flush takes them. */
class NeedsTallyTest {

    static final LocalDate DAY = LocalDate.of(2030, 5, 1);

    static NeedsTally tally(int texts) {
        return new NeedsTally(new NeedsSettings(Duration.ofDays(90), texts, 1000, Duration.ofMinutes(1)));
    }

    @Test
    void newTextsBeyondTheBoundAreCountedAsNotKept() {
        NeedsTally tally = tally(3);
        for (String text : List.of("a", "b", "c", "d", "e", "a", "d")) {
            tally.add(DAY, Kind.SEARCH, text);
        }
        tally.add(DAY, Kind.CHECKER, "03");
        assertThat(tally.size()).isEqualTo(5);
        Map<NeedsTally.Key, Long> counts = tally.drain();
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                new NeedsTally.Key(DAY, Kind.SEARCH, "a"), 2L, new NeedsTally.Key(DAY, Kind.SEARCH, "b"), 1L,
                new NeedsTally.Key(DAY, Kind.SEARCH, "c"), 1L,
                new NeedsTally.Key(DAY, Kind.NOT_KEPT, NeedsTally.OVER_MEMORY), 3L,
                new NeedsTally.Key(DAY, Kind.CHECKER, "03"), 1L));
        assertThat(tally.size()).isZero();
        tally.add(DAY, Kind.SEARCH, "d");
        assertThat(tally.drain()).containsOnlyKeys(new NeedsTally.Key(DAY, Kind.SEARCH, "d"));
    }

    @Test
    void tenThousandTextsAtMost() {
        NeedsTally tally = tally(10_000);
        for (int i = 0; i < 25_000; i++) {
            tally.add(DAY, Kind.SEARCH, "text " + i);
        }
        assertThat(tally.size()).isEqualTo(10_001);
        assertThat(tally.drain().get(new NeedsTally.Key(DAY, Kind.NOT_KEPT, NeedsTally.OVER_MEMORY))).isEqualTo(15_000L);
    }

    @Test
    void countsAddedWhileFlushesTakeThemAreNeverLost() throws Exception {
        NeedsTally tally = tally(100);
        int threads = 4;
        int each = 50_000;
        AtomicLong taken = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> adders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                adders.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        tally.add(DAY, Kind.SEARCH, "text " + (i + thread) % 10);
                    }
                }));
            }
            while (adders.stream().anyMatch(f -> !f.isDone())) {
                tally.drain().values().forEach(taken::addAndGet);
            }
            for (Future<?> f : adders) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        tally.drain().values().forEach(taken::addAndGet);
        assertThat(taken.get()).isEqualTo((long) threads * each);
    }
}

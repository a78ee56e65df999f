package jp.tsunagari.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Staff saves in a loop until SIGTERM (for {@code ShutdownAnyMomentIT}): each saver signs in as the administrator
 * and publishes its own programs again and again, each save writing a new token ({@link Edits}); the tokens the
 * application acknowledged (the redirect back to the edit form) and the one in flight are kept per program.
 */
final class ShutdownSaves {

    private final Map<Long, List<String>> acknowledged = new ConcurrentHashMap<>();
    private final Map<Long, String> inFlight = new ConcurrentHashMap<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final AtomicInteger acks = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code savers} threads on {@code programsEach} programs each (ids from 1). */
    void start(AppProcess app, int savers, int programsEach) throws IOException {
        long next = 1;
        for (int s = 0; s < savers; s++) {
            StaffSession staff = StaffSession.admin(app);
            List<Long> own = new ArrayList<>();
            for (int p = 0; p < programsEach; p++) {
                own.add(next);
                acknowledged.put(next++, new CopyOnWriteArrayList<>());
            }
            Thread saver = new Thread(() -> save(staff, own), "shutdown-saver-" + s);
            saver.start();
            threads.add(saver);
        }
    }

    private void save(StaffSession staff, List<Long> own) {
        for (int i = 0; ; i++) {
            long id = own.get(i % own.size());
            try {
                StaffSession.Form form = staff.editForm(id);
                String token = Edits.newToken();
                Edits.write(form, token);
                inFlight.put(id, token);
                StaffSession.Answer answer = staff.publish(id, form);
                inFlight.remove(id);
                if (!StaffSession.acknowledged(id, answer)) {
                    if (!signalled.get()) {
                        unexpected.add("program " + id + ": HTTP " + answer.status() + " " + answer.location());
                    }
                    return;   // refused while stopping (503 or a closed connection): not acknowledged
                }
                acknowledged.get(id).add(token);
                acks.incrementAndGet();
            } catch (IOException | AssertionError e) {
                if (!signalled.get()) {
                    unexpected.add("program " + id + " before the signal: " + e);
                }
                return;
            }
        }
    }

    /** Whether every program has at least one acknowledged save. */
    boolean everyProgramSaved() {
        return acknowledged.values().stream().noneMatch(List::isEmpty);
    }

    int acks() {
        return acks.get();
    }

    /** Called just before SIGTERM: answers other than an acknowledgement are expected from now on. */
    void signalled() {
        signalled.set(true);
    }

    /** Waits for the savers to end (the application gone) and checks none failed before the signal. */
    void join() throws InterruptedException {
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertThat(unexpected).as("answers other than the acknowledgement before SIGTERM").isEmpty();
    }

    /**
     * After the restart: every program holds its last acknowledged save or the one in flight at the signal, whole
     * (one token in every field), its public page shows it and the search finds it. How many in-flight saves were stored.
     */
    int verify(AppProcess restarted) throws IOException {
        StaffSession checker = StaffSession.admin(restarted);
        int storedInFlight = 0;
        for (var entry : acknowledged.entrySet()) {
            long id = entry.getKey();
            List<String> acked = entry.getValue();
            String flying = inFlight.get(id);
            String current = Edits.tokenOf(checker.editForm(id), id);
            if (current.equals(flying)) {
                storedInFlight++;
            } else {
                assertThat(current).as("program %d after the restart: its last acknowledged save (in flight: %s)", id,
                        flying).isEqualTo(acked.get(acked.size() - 1));
            }
            StaffSession.Answer page = checker.get("/programs/" + id);
            assertThat(page.status()).isEqualTo(200);
            assertThat(Edits.tokens(page.document().select("main h1").text())).as("public page of %d", id)
                    .containsExactly(current);
            StaffSession.Answer found = checker.get("/programs?q=" + current);
            assertThat(found.document().select("main a[href=/programs/" + id + "]")).as("search for %s", current)
                    .isNotEmpty();
        }
        return storedInFlight;
    }
}

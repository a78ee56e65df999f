package jp.tsunagari.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 28's digest mails survive the end of the process that sends them. 10,000 confirmed subscriptions that every
 * published change matches, a real SMTP server in the test JVM (GreenMail), the app on PostgreSQL with the daily
 * digest due at once. One run, ended twice while it sends, each time started again on the same database:
 *
 * <ol>
 * <li>SIGKILL after {@value #KILL_AFTER} mails. A mail the SMTP server accepted but the killed process had not yet
 * marked SENT (it is SENDING) is sent again after the restart: with one sending thread at most that one mail, so at
 * most one address gets two — and only the address of the mail left SENDING.</li>
 * <li>SIGTERM after {@value #TERM_AFTER} mails: the process exits within 25 s, the job stopped between two mails
 * (nothing SENDING, every mail received is marked SENT), and after the restart no address gets a second mail.</li>
 * </ol>
 * At the end every address has received its mail, the run is DONE, and the numbers (duplicates included) are in
 * {@code target/reliability/alerts-crash.txt}.
 */
class AlertCrashIT {

    static final int SUBSCRIPTIONS = 10_000;
    /** Asked of the job; what it reaches here depends on the machine (printed). */
    static final int MAILS_PER_SECOND = 400;
    static final int KILL_AFTER = 1_000;
    static final int TERM_AFTER = 4_000;
    static final Duration MAX_STOP = Duration.ofSeconds(25);
    static final String PREFIX = "crash";

    @Test
    void sigkillRepeatsAtMostTheMailInFlightAndSigtermNone() throws Exception {
        var server = PgServer.configured();
        assumeTrue(server.isPresent(), "no PostgreSQL server given (-Dpg.url=... -Dpg.user=... -Dpg.password=...)");
        String name = "rel_alerts_crash_" + System.currentTimeMillis();
        var db = server.get().create(name);
        AppProcess app = null;
        try (AlertRig rig = new AlertRig(db)) {
            // Short heartbeats: the execution of the killed process is found dead (4 s without one) soon after the restart.
            app = AppProcess.start(db, "alerts-crash", rig.appArgs(MAILS_PER_SECOND,
                    "--catalogue.jobs.heartbeat=PT1S", "--catalogue.jobs.missed-heartbeats=4"));
            AlertRig.publishChanges(app, 3);
            rig.subscribeBeforeTheDigest(SUBSCRIPTIONS, PREFIX);
            long t0 = System.nanoTime();

            AlertRig.await(KILL_AFTER + " mails received", 180, () -> rig.received() >= KILL_AFTER);
            app.kill();
            int atKill = rig.received();
            List<String> inFlight = rig.sendingAddresses();
            double killAt = seconds(t0);
            assertThat(atKill).as("mails received at the SIGKILL").isLessThan(SUBSCRIPTIONS);
            assertThat(inFlight).as("mails left SENDING by the SIGKILL (one sending thread)").hasSizeLessThanOrEqualTo(1);

            app = app.restart();
            double firstRestart = seconds(t0) - killAt;
            AlertRig.await(TERM_AFTER + " mails received", 180, () -> rig.received() >= TERM_AFTER);
            Duration stop = app.stop();
            int atTerm = rig.received();
            Map<String, Long> afterTerm = rig.deliveries();
            Set<String> twiceAtTerm = twice(rig.receivedPerAddress());
            double termAt = seconds(t0);
            assertThat(atTerm).as("mails received at the SIGTERM").isLessThan(SUBSCRIPTIONS);
            assertThat(stop).as("exit after SIGTERM").isLessThanOrEqualTo(MAX_STOP);
            assertThat(app.exitValue()).as("exit status after SIGTERM (graceful)").isEqualTo(128 + 15);
            assertThat(afterTerm.getOrDefault("SENDING", 0L)).as("mails left SENDING by the SIGTERM").isZero();
            assertThat(afterTerm.getOrDefault("SENT", 0L) + twiceAtTerm.size())
                    .as("mails received at the SIGTERM = mails marked SENT + the SIGKILL's repeat").isEqualTo(atTerm);

            app = app.restart();
            double secondRestart = seconds(t0) - termAt;
            rig.awaitDailyRunDone(240);
            double done = seconds(t0);
            Map<String, Integer> perAddress = rig.receivedPerAddress();
            int total = perAddress.values().stream().mapToInt(Integer::intValue).sum();
            long missing = IntStream.rangeClosed(1, SUBSCRIPTIONS)
                    .filter(i -> !perAddress.containsKey(AlertRig.address(PREFIX, i))).count();
            Set<String> twice = twice(perAddress);
            String line = String.format("alerts crash: %d subscriptions, mails-per-second %d; SIGKILL after %d mails"
                            + " (%.1f s), %d left SENDING, restart %.1f s; SIGTERM after %d mails (%.1f s), exit %.1f s,"
                            + " 0 left SENDING, restart %.1f s; run DONE at %.1f s (%.0f mails/s overall); %d mails"
                            + " received, %d addresses missing, %d with 2 mails %s (SIGKILL's mail in flight: %s)",
                    SUBSCRIPTIONS, MAILS_PER_SECOND, atKill, killAt, inFlight.size(), firstRestart, atTerm, termAt,
                    stop.toMillis() / 1e3, secondRestart, done, total / done, total, missing, twice.size(), twice,
                    inFlight);
            System.out.println(line);
            Files.writeString(AppProcess.WORK.resolve("alerts-crash.txt"), line + System.lineSeparator(),
                    StandardCharsets.UTF_8);

            assertThat(rig.deliveries()).as("the daily run's mails by state").isEqualTo(Map.of("SENT", (long) SUBSCRIPTIONS));
            assertThat(missing).as("subscribed addresses without mail").isZero();
            assertThat(perAddress).as("addresses with mail").hasSize(SUBSCRIPTIONS);
            assertThat(perAddress.values()).as("mails per address").allMatch(n -> n <= 2);
            assertThat(twice).as("addresses with 2 mails: at most the SIGKILL's mail in flight").hasSizeLessThanOrEqualTo(1)
                    .isSubsetOf(inFlight);
            assertThat(twice).as("addresses with 2 mails after the SIGTERM and restart: none new").isEqualTo(twiceAtTerm);
            assertThat(total).as("mails received").isEqualTo(SUBSCRIPTIONS + twice.size());
        } finally {
            if (app != null) {
                app.kill();
            }
            server.get().drop(name);
        }
    }

    private static Set<String> twice(Map<String, Integer> perAddress) {
        return perAddress.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

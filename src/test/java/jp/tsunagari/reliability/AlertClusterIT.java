package jp.tsunagari.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Issue 28's digest in a cluster: two app processes on one PostgreSQL database (the second started once the first is
 * up, as a cluster is), both with the digest job enabled and the daily digest due, one SMTP server (GreenMail in the test JVM), 2,000 confirmed subscriptions that every
 * published change matches. The instance that takes the job is stopped (SIGTERM) in the middle of the sending; the
 * other takes the job over at its next look and finishes the run. Every address gets exactly one mail, the period has
 * one run, and it is finished (DONE, "sent" in the log) once, by the second instance. The numbers go to
 * {@code target/reliability/alerts-cluster.txt}.
 */
class AlertClusterIT {

    static final int SUBSCRIPTIONS = 2_000;
    /** 10 s or more for the whole run: the hand-over comes in its middle. */
    static final int MAILS_PER_SECOND = 200;
    static final int HAND_OVER_AFTER = 500;

    @Test
    void twoInstancesSendEachMailOnceAndFinishTheRunOnce() throws Exception {
        var server = PgServer.configured();
        assumeTrue(server.isPresent(), "no PostgreSQL server given (-Dpg.url=... -Dpg.user=... -Dpg.password=...)");
        String name = "rel_alerts_cluster_" + System.currentTimeMillis();
        var db = server.get().create(name);
        CompletableFuture<AppProcess> a = null;
        CompletableFuture<AppProcess> b = null;
        try (AlertRig rig = new AlertRig(db)) {
            List<String> args = rig.appArgs(MAILS_PER_SECOND);
            // a first, as a cluster is started: on an empty database two first starts at once both try to create the
            // first administrator (FirstAdmin) and one of them fails. b starts while a's changes are published.
            a = CompletableFuture.completedFuture(AppProcess.start(db, "alerts-cluster-a", args));
            b = CompletableFuture.supplyAsync(() -> AppProcess.start(db, "alerts-cluster-b", args));
            AlertRig.publishChanges(a.join(), 3);
            List<AppProcess> apps = List.of(a.join(), b.join());
            rig.awaitFirstLook();
            List<Integer> marks = List.of(lines(apps.get(0)).size(), lines(apps.get(1)).size());
            rig.subscribeBeforeTheDigest(SUBSCRIPTIONS, "cluster");
            long from = System.nanoTime();
            AlertRig.await(HAND_OVER_AFTER + " mails received", 120, () -> rig.received() >= HAND_OVER_AFTER);
            int first = sending(apps, marks);
            Duration stop = apps.get(first).stop();
            int atStop = rig.received();
            rig.awaitDailyRunDone(180);
            double seconds = (System.nanoTime() - from) / 1e9;

            Map<String, Integer> perAddress = rig.receivedPerAddress();
            int total = perAddress.values().stream().mapToInt(Integer::intValue).sum();
            long twice = perAddress.values().stream().filter(n -> n > 1).count();
            List<Long> finished = List.of(finishedLines(apps.get(0), marks.get(0)), finishedLines(apps.get(1), marks.get(1)));
            String line = String.format("alerts cluster: 2 instances, %d subscriptions at %d/s; instance %s sent %d mails,"
                            + " SIGTERM (exit %.1f s), instance %s sent the rest; run DONE %.1f s after the subscriptions;"
                            + " %d mails received, %d addresses, %d with more than one; daily runs %d, finished %d + %d",
                    SUBSCRIPTIONS, MAILS_PER_SECOND, "ab".charAt(first), atStop, stop.toMillis() / 1e3,
                    "ab".charAt(1 - first), seconds, total, perAddress.size(), twice,
                    rig.count("select count(*) from alert_run where frequency = 'DAILY'"), finished.get(0), finished.get(1));
            System.out.println(line);
            Files.writeString(AppProcess.WORK.resolve("alerts-cluster.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8);

            assertThat(atStop).as("mails sent by the first instance").isBetween(HAND_OVER_AFTER, SUBSCRIPTIONS - 1);
            assertThat(stop).as("exit after SIGTERM").isLessThanOrEqualTo(AlertCrashIT.MAX_STOP);
            assertThat(rig.deliveries()).as("the daily run's mails by state").isEqualTo(Map.of("SENT", (long) SUBSCRIPTIONS));
            assertThat(perAddress).as("mails per address").hasSize(SUBSCRIPTIONS).allSatisfy((address, n) -> assertThat(n).isOne());
            assertThat(java.util.stream.IntStream.rangeClosed(1, SUBSCRIPTIONS).mapToObj(i -> AlertRig.address("cluster", i)))
                    .as("subscribed addresses").allMatch(perAddress::containsKey);
            assertThat(rig.count("select count(*) from alert_run where frequency = 'DAILY'")).as("daily runs").isOne();
            assertThat(finished).as("'sent' (run DONE) in the logs of instance a and b").isEqualTo(
                    first == 0 ? List.of(0L, 1L) : List.of(1L, 0L));
        } finally {
            for (CompletableFuture<AppProcess> app : java.util.Arrays.asList(a, b)) {
                if (app != null) {
                    app.thenAccept(AppProcess::stop).exceptionally(e -> null).join();
                }
            }
            server.get().drop(name);
        }
    }

    /** Which instance matched today's run (and so is sending it): the one whose log has the matching line since the mark. */
    private static int sending(List<AppProcess> apps, List<Integer> marks) throws IOException {
        String matched = SUBSCRIPTIONS + " subscriptions, " + SUBSCRIPTIONS + " mails";
        for (int i = 0; i < apps.size(); i++) {
            List<String> lines = lines(apps.get(i));
            if (lines.subList(marks.get(i), lines.size()).stream().anyMatch(l -> l.contains(matched))) {
                return i;
            }
        }
        throw new AssertionError("no instance logged the matching of today's run ('" + matched + "')");
    }

    /** How often the instance logged "Alert digest daily …: sent" (the run marked DONE) since the mark. */
    private static long finishedLines(AppProcess app, int mark) throws IOException {
        List<String> lines = lines(app);
        return lines.subList(mark, lines.size()).stream()
                .filter(l -> l.contains("Alert digest daily ") && l.endsWith(": sent")).count();
    }

    private static List<String> lines(AppProcess app) throws IOException {
        return Files.readAllLines(app.log(), StandardCharsets.UTF_8);
    }
}

package jp.tsunagari.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar started as {@link AppProcess} starts it (same JVM options, environment and database), but not waited
 * for: SIGTERM can then come at any moment of its start-up. Its output goes to its own log file. {@link #sigterm} is
 * {@code Process.destroy()}, which on Linux sends SIGTERM (the exit status then is 143), and measures the time to exit.
 */
final class Signalled {

    /** How long a process gets to exit after SIGTERM before the test kills it (the assertion is stricter). */
    static final long KILL_AFTER_S = 60;

    /** What one SIGTERM did: time from the signal to the exit, the exit status, ERROR lines and a failed start in the log. */
    record Exit(double seconds, int status, List<String> errors, boolean runFailed, Path log) {
    }

    /** Every process launched here, so that a failed test leaves none running ({@link #killAll}). */
    private static final List<Process> LAUNCHED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Process process;
    private final Path log;
    private final int port;
    private final long launched = System.nanoTime();

    private Signalled(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static Signalled launch(AppProcess.Database db, String name, List<String> args) {
        int port = AppProcess.freePort();
        Path log = AppProcess.WORK.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(AppProcess.javaBin(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-jar", AppProcess.jar().toString(), "--server.port=" + port));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        AppProcess.environment(builder, db, command, null, port);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = builder.start();
            LAUNCHED.add(process);
            return new Signalled(process, log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seconds since the launch. */
    double age() {
        return (System.nanoTime() - launched) / 1e9;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Waits until the log holds {@code text} (true) or the process exits or {@code timeoutS} pass (false). */
    boolean awaitLog(String text, long timeoutS) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (logHas(text)) {
                return true;
            }
            AppProcess.sleep(100);
        }
        return logHas(text);
    }

    boolean logHas(String text) {
        return lines().stream().anyMatch(l -> l.contains(text));
    }

    List<String> lines() {
        return lines(log);
    }

    static List<String> lines(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, then waits for the exit (SIGKILL after {@link #KILL_AFTER_S} s). */
    Exit sigterm() {
        return measure(process, log, () -> process.destroy());
    }

    /** Sends the signal with {@code signal}, waits for {@code process} to exit and reads its log. */
    static Exit measure(Process process, Path log, Runnable signal) {
        long sent = System.nanoTime();
        signal.run();
        try {
            if (!process.waitFor(KILL_AFTER_S, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - sent) / 1e9;
        List<String> lines = lines(log);
        List<String> errors = lines.stream().filter(l -> l.contains(" ERROR ")).toList();
        boolean runFailed = lines.stream().anyMatch(l -> l.contains("Application run failed"));
        return new Exit(seconds, process.exitValue(), errors, runFailed, log);
    }

    /** SIGKILL to every launched process still running. */
    static void killAll() {
        LAUNCHED.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
        LAUNCHED.clear();
    }
}

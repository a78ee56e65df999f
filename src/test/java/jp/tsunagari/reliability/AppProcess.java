package jp.tsunagari.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code app.jar}) in its own JVM, run as documented ({@code -Xmx256m -XX:+UseSerialGC}),
 * on a free port, with its output in a log file. {@link #kill()} is SIGKILL (no shutdown hook, no graceful stop).
 * Several may run at once on one PostgreSQL database (each has its own port, log and data folder).
 */
final class AppProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "reliability-admin-password";
    /** Start-up takes 15–20 s on 2 idle cores; a busy machine needs much more. */
    static final int READY_TIMEOUT_S = 180;
    static final Path WORK = Path.of("target", "reliability").toAbsolutePath();

    /** Where the application keeps its data: an H2 file folder, or a PostgreSQL database. */
    record Database(String label, Path dataDir, String url, String user, String password) {
        static Database h2(Path dataDir) {
            return new Database("h2", dataDir, null, null, null);
        }

        static Database postgres(String url, String user, String password) {
            return new Database("postgresql", null, url, user, password);
        }

        boolean postgres() {
            return url != null;
        }
    }

    private final Database db;
    private final Path log;
    private final int port;
    private final List<String> args;
    private Process process;

    private AppProcess(Database db, Path log, int port, List<String> args) {
        this.db = db;
        this.log = log;
        this.port = port;
        this.args = List.copyOf(args);
    }

    /** Starts the application and waits until it is ready (readiness 200, at most {@link #READY_TIMEOUT_S} s), or fails with the end of its log. */
    static AppProcess start(Database db, String name) {
        return start(db, name, List.of());
    }

    /** The same with more command-line arguments ({@code --name=value}), kept for {@link #restart()}. */
    static AppProcess start(Database db, String name, List<String> args) {
        AppProcess app = new AppProcess(db, WORK.resolve(name + ".log"), freePort(), args);
        app.launch();
        return app;
    }

    /** Starts the application again on the same database (a new port, the same log file, appended, the same arguments). */
    AppProcess restart() {
        AppProcess again = new AppProcess(db, log, freePort(), args);
        again.launch();
        return again;
    }

    /**
     * Fills the database with {@code programs} synthetic programs in a separate run of the jar that exits when done
     * (profile {@code synthetic}, {@code catalogue.synthetic.exit=true}, as bench/run.sh and docs/performance.md do it;
     * without the heap limit: preparing the data is not what is measured), waiting at most {@code timeoutSeconds}.
     * Its output goes to {@code name.log}. A later {@link #start} on the same database serves the catalogue.
     */
    static void generate(Database db, int programs, String name, long timeoutSeconds) {
        Path log = WORK.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", jar().toString(), "--server.port=0",
                "--catalogue.synthetic.programs=" + programs, "--catalogue.synthetic.exit=true"));
        ProcessBuilder builder = new ProcessBuilder(command);
        environment(builder, db, command, "synthetic", freePort());
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process generator = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!generator.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                generator.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("generating " + programs + " programs took more than " + timeoutSeconds
                        + " s (see " + log + ")");
            }
            if (generator.exitValue() != 0) {
                throw new IllegalStateException("generating " + programs + " programs exited with " + generator.exitValue()
                        + " (see " + log + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path copy;

    /**
     * A copy of the packaged jar, made once per test JVM: a build in the same checkout meanwhile (another package run)
     * replaces the jar in target/, and a running Spring Boot jar whose file is replaced fails to load classes and
     * resources it has not loaded yet. Deleted when the test JVM exits.
     */
    static synchronized Path jar() {
        Path jar = Path.of(System.getProperty("app.jar", "target/tsunagari-catalogue-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no application jar at " + jar.toAbsolutePath() + " (run the build's package phase)");
        }
        if (copy == null) {
            try {
                Path dir = Files.createTempDirectory("app-under-test");
                dir.toFile().deleteOnExit();
                Path target = dir.resolve(jar.getFileName());
                Files.copy(jar, target);
                target.toFile().deleteOnExit();
                copy = target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return copy;
    }

    /** The admin password and the database (profile postgres or an H2 folder) in the environment; {@code profile} too if not null. */
    static void environment(ProcessBuilder builder, Database db, List<String> command, String profile, int port) {
        Map<String, String> env = builder.environment();
        env.put("CATALOGUE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        List<String> profiles = new ArrayList<>();
        if (profile != null) {
            profiles.add(profile);
        }
        if (db.postgres()) {
            profiles.add("postgres");
            env.put("SPRING_DATASOURCE_URL", db.url());
            env.put("SPRING_DATASOURCE_USERNAME", db.user());
            env.put("SPRING_DATASOURCE_PASSWORD", db.password());
            env.put("CATALOGUE_DATA_DIR", WORK.resolve("unused-data-" + port).toString());
        } else {
            env.put("CATALOGUE_DATA_DIR", db.dataDir().toString());
        }
        if (!profiles.isEmpty()) {
            command.add("--spring.profiles.active=" + String.join(",", profiles));
        }
        builder.command(command);
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-jar", jar().toString(), "--server.port=" + port));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        environment(builder, db, command, null, port);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_S);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited during start-up (" + process.exitValue() + "):\n" + logTail());
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        kill();
        throw new IllegalStateException("the application was not ready within " + READY_TIMEOUT_S + " s:\n" + logTail());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL (kill -9): the JVM gets no chance to run shutdown hooks, flush or close anything. */
    void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            // On Linux destroyForcibly() sends SIGKILL itself: no `kill` program needed (procps is not on every machine).
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the application did not exit within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 128 + 9) {
            throw new IllegalStateException("the application exited with " + process.exitValue() + ", not 137 (SIGKILL)");
        }
    }

    /** SIGTERM and the graceful shutdown; SIGKILL after 40 s. How long the process took to exit (zero if it was not running). */
    Duration stop() {
        if (process == null || !process.isAlive()) {
            return Duration.ZERO;
        }
        long sent = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Duration.ofNanos(System.nanoTime() - sent);
    }

    /** The exit status of a process that has ended (143 after a graceful stop on SIGTERM, 137 after SIGKILL). */
    int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() {
        stop();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    Path log() {
        return log;
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

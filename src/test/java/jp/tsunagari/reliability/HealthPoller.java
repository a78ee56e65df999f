package jp.tsunagari.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Polls {@code /actuator/health/readiness} and {@code /actuator/health/liveness} once a second each, as an
 * orchestrator's probes do: a new connection per probe ({@code Connection: close}) on a platform thread of its own,
 * apart from the load's client. Records every probe's status and time (status -1: no answer within
 * {@link #TIMEOUT_MS}, or the connection failed).
 */
final class HealthPoller implements AutoCloseable {

    static final int TIMEOUT_MS = 10_000;
    static final List<String> PATHS = List.of("/actuator/health/readiness", "/actuator/health/liveness");

    /** One probe: which path, its status, how long it took. */
    record Probe(String path, int status, long millis) {
    }

    private final List<Probe> probes = new CopyOnWriteArrayList<>();
    private final int port;
    private final Thread thread;
    private volatile boolean stopped;

    HealthPoller(int port) {
        this.port = port;
        this.thread = Thread.ofPlatform().name("health-poller").daemon().start(this::poll);
    }

    private void poll() {
        while (!stopped) {
            long round = System.nanoTime();
            for (String path : PATHS) {
                long t = System.nanoTime();
                int status = probe(path);
                probes.add(new Probe(path, status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t)));
            }
            long left = 1_000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - round);
            if (left > 0 && !stopped) {
                try {
                    Thread.sleep(left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private int probe(String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            // "HTTP/1.1 200 " — the status is the second word of the status line.
            return answer.startsWith("HTTP/1.1 ") && answer.length() >= 12 ? Integer.parseInt(answer.substring(9, 12)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** The probes so far. */
    List<Probe> probes() {
        return List.copyOf(probes);
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(TIMEOUT_MS * 2L + 2_000);
    }
}

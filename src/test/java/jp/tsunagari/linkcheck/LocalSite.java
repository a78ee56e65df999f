package jp.tsunagari.linkcheck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A web site in the test JVM (the JDK's HttpServer on 127.0.0.1, a free port) with one path per case: 200, 404, a
 * 301 loop, a redirect to a page, HEAD refused with 405, a page that never answers, a body that never ends. Records every request
 * ("METHOD /path?query", with the time it arrived) so tests can count them. Never the internet.
 */
final class LocalSite implements AutoCloseable {

    record Hit(String request, long nanos, String userAgent) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    final List<Hit> hits = new CopyOnWriteArrayList<>();

    LocalSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    long count(String request) {
        return hits.stream().filter(h -> h.request().equals(request)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String query = exchange.getRequestURI().getRawQuery();
        hits.add(new Hit(method + " " + path + (query == null ? "" : "?" + query), System.nanoTime(), exchange.getRequestHeaders().getFirst("User-Agent")));
        switch (path) {
            case "/ok" -> answer(exchange, 200, 10);
            case "/endless" -> endless(exchange);
            case "/missing" -> answer(exchange, 404, 10);
            case "/loop-a" -> redirect(exchange, "/loop-b");
            case "/loop-b" -> redirect(exchange, url("/loop-a"));
            case "/moved" -> redirect(exchange, "ok");
            case "/no-head" -> answer(exchange, method.equals("HEAD") ? 405 : 200, 10);
            case "/server-error" -> answer(exchange, 500, 10);
            case "/silent" -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            default -> answer(exchange, 404, 0);
        }
    }

    /** HEAD refused; a GET gets 200 and then a body that trickles for up to 10 s. */
    private void endless(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("HEAD")) {
            answer(exchange, 405, 0);
            return;
        }
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            for (int i = 0; i < 100 && release.getCount() > 0; i++) {
                body.write('x');
                body.flush();
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException closedByTheClient) {
            // the checker closes a GET's body at once
        }
        exchange.close();
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(301, -1);
        exchange.close();
    }

    private static void answer(HttpExchange exchange, int status, int size) throws IOException {
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || size == 0 ? -1 : size);
        if (!head && size > 0) {
            try (OutputStream body = exchange.getResponseBody()) {
                body.write("x".repeat(size).getBytes(StandardCharsets.US_ASCII));
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}

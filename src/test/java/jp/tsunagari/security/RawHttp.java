package jp.tsunagari.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request ({@code Connection: close}), so that any bytes can be
 * sent: invalid percent-encoding, raw non-ASCII, overlong lines, made-up methods, broken bodies. The JDK's HttpClient
 * refuses most of these before they leave the machine.
 */
final class RawHttp {

    /** One request as it goes on the wire, with a label for reports. */
    record Probe(String label, byte[] bytes, String method, String path) {

        String requestExcerpt() {
            String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.ISO_8859_1);
            return text.replace("\r", "\\r").replace("\n", "\\n") + (bytes.length > 300 ? "… (" + bytes.length + " bytes)" : "");
        }
    }

    /** A parsed answer; status -1 when the server closed the connection without one. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String contentType() {
            String type = header("content-type");
            return type == null ? "" : type.toLowerCase(Locale.ROOT);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String excerpt() {
            String text = text().replaceAll("\\s+", " ");
            return text.length() > 400 ? text.substring(0, 400) + "…" : text;
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    Response send(byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException refusedMidway) {
                // The server may answer (e.g. 400 or 413) and close before reading a large request: read what it said.
            }
            try {
                socket.shutdownOutput();
            } catch (IOException ignored) {
                // already closed by the server
            }
            return parse(socket.getInputStream());
        }
    }

    static Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        int n;
        while ((n = in.read(buffer)) != -1) {
            all.write(buffer, 0, n);
        }
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (bytes.length == 0 || end < 0) {
            return new Response(-1, Map.of(), bytes);
        }
        String head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            body = unchunk(body);
        }
        if ("gzip".equalsIgnoreCase(headers.getOrDefault("content-encoding", "")) && body.length > 0) {
            try (var gunzip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                body = gunzip.readAllBytes();
            }
        }
        return new Response(status, headers, body);
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < body.length) {
            int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, pos);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(body, start, Math.min(size, body.length - start));
            pos = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

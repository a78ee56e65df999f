package jp.tsunagari.linkcheck;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one address: HEAD first; GET when HEAD gets an error other than 404 or 410 (servers that refuse or mishandle
 * HEAD answer 405, 501, 403 or 500 to it while their pages work); redirects (301, 302, 303, 307, 308 with a Location)
 * followed by hand up to the configured number, each hop checked like the first, an address visited twice being a
 * loop. A GET's body is never read: the stream is closed at once. Never throws: every failure is a result.
 */
final class LinkProbe {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final LinkCheckSettings settings;
    private final AddressGuard guard;
    private final HostGate gate;
    private final HttpClient client;

    LinkProbe(LinkCheckSettings settings) {
        this.settings = settings;
        this.guard = new AddressGuard(settings.privateAddressesAllowed());
        this.gate = new HostGate(settings.hostDelay());
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout()).build();
    }

    ProbeResult check(String url) throws InterruptedException {
        Optional<URI> parsed = parse(url);
        if (parsed.isEmpty()) {
            return ProbeResult.of(LinkOutcome.INVALID);
        }
        URI uri = parsed.get();
        Set<URI> visited = new HashSet<>();
        Integer status = null;
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            if (!visited.add(uri)) {
                return new ProbeResult(LinkOutcome.REDIRECT_LOOP, status);
            }
            LinkOutcome refused = refusal(uri);
            if (refused != null) {
                return new ProbeResult(refused, status);
            }
            Answer answer;
            try {
                answer = headThenGet(uri);
            } catch (HttpTimeoutException e) {
                return new ProbeResult(LinkOutcome.TIMEOUT, status);
            } catch (IOException | IllegalArgumentException e) {
                return new ProbeResult(LinkOutcome.UNREACHABLE, status);
            }
            status = answer.status();
            if (!REDIRECTS.contains(status) || answer.location().isEmpty()) {
                return new ProbeResult(status >= 200 && status < 300 ? LinkOutcome.OK : LinkOutcome.BROKEN, status);
            }
            Optional<URI> next = resolve(uri, answer.location().get());
            if (next.isEmpty()) {
                return new ProbeResult(LinkOutcome.INVALID, status);
            }
            uri = next.get();
        }
        return new ProbeResult(LinkOutcome.REDIRECT_LOOP, status);
    }

    /** Why this address is not requested, or null if it may be. */
    private LinkOutcome refusal(URI uri) {
        return switch (guard.judge(uri)) {
            case INVALID -> LinkOutcome.INVALID;
            case PRIVATE -> LinkOutcome.PRIVATE_ADDRESS;
            case UNKNOWN_HOST -> LinkOutcome.UNREACHABLE;
            case ALLOWED -> null;
        };
    }

    private Answer headThenGet(URI uri) throws IOException, InterruptedException {
        Answer answer = request(uri, "HEAD");
        return answer.status() >= 400 && answer.status() != 404 && answer.status() != 410 ? request(uri, "GET") : answer;
    }

    private record Answer(int status, Optional<String> location) {
    }

    private Answer request(URI uri, String method) throws IOException, InterruptedException {
        gate.await(uri);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent()).method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return new Answer(response.statusCode(), response.headers().firstValue("Location"));
    }

    /**
     * The address as it is requested: absolute and hierarchical, non-ASCII characters percent-encoded, a Japanese
     * domain name in its ASCII form (IDN), without the fragment; empty if it cannot be read as such.
     */
    static Optional<URI> parse(String url) {
        try {
            String text = url.strip();
            int hash = text.indexOf('#');
            text = hash < 0 ? text : text.substring(0, hash);
            URI uri = new URI(text);
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
                return Optional.empty();
            }
            if (uri.getHost() == null) {
                String authority = uri.getRawAuthority();
                uri = new URI(text.replace(authority, asciiAuthority(authority)));
            }
            return uri.getHost() == null ? Optional.empty() : Optional.of(new URI(uri.toASCIIString()).normalize());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** host[:port] with an internationalized host name in its ASCII (punycode) form. */
    private static String asciiAuthority(String authority) {
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        return java.net.IDN.toASCII(host, java.net.IDN.ALLOW_UNASSIGNED) + (colon < 0 ? "" : authority.substring(colon));
    }

    private static Optional<URI> resolve(URI base, String location) {
        try {
            return Optional.of(base.resolve(new URI(location.strip())).normalize());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

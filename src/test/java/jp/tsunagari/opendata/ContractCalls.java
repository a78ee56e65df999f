package jp.tsunagari.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Real HTTP calls to the running application, each checked against the served document: the status must be documented
 * for the operation, the body must validate against the schema of its status and media type (closed: no undeclared
 * field), no body where none is documented, and every documented header present and valid. Records which operation,
 * status and parameter each call exercised.
 */
final class ContractCalls {

    /** One answer: status, headers, body and (for JSON) the parsed body. */
    record Answer(int status, java.net.http.HttpHeaders headers, String body, JsonNode json) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final ContractDocument document;
    /** "GET /api/v1/programs 200" for every operation and status seen. */
    final Set<String> exercised = new TreeSet<>();
    /** The parameters sent to each operation ("GET /api/v1/programs" → names). */
    final Map<String, Set<String>> parameters = new TreeMap<>();

    ContractCalls(String base, ContractDocument document) {
        this.base = base;
        this.document = document;
    }

    /** A GET of {@code uri} for the operation at {@code template}; headers as name, value pairs. */
    Answer get(String template, String uri, String... headers) {
        return send("get", template, "GET", uri, null, null, headers);
    }

    /** A POST of a JSON body to the eligibility operation. */
    Answer post(String uri, String contentType, String body, String... headers) {
        return send("post", "/api/v1/eligibility", "POST", uri, contentType, body, headers);
    }

    /**
     * A request with {@code method} to the path of the operation {@code operation} {@code template}, checked against
     * that operation's responses (so a wrong method's 405 is checked against the operation's documented 405).
     */
    Answer send(String operation, String template, String method, String uri, String contentType, String body,
                String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + uri))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + uri, e);
        }
        String op = operation.toUpperCase(java.util.Locale.ROOT) + " " + template;
        record(op, uri, headers);
        exercised.add(op + " " + response.statusCode());
        Answer answer = new Answer(response.statusCode(), response.headers(), response.body(),
                response.body().isEmpty() ? null : ContractDocument.JSON.readTree(response.body()));
        List<String> problems = check("/paths/" + ContractDocument.segment(template) + "/" + operation, answer);
        assertThat(problems).as("%s %s → %d: the answer against the document", method, uri, answer.status()).isEmpty();
        return answer;
    }

    private void record(String op, String uri, String... headers) {
        Set<String> names = parameters.computeIfAbsent(op, k -> new TreeSet<>());
        int query = uri.indexOf('?');
        if (query >= 0) {
            for (String pair : uri.substring(query + 1).split("&")) {
                names.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
            }
        }
        for (int i = 0; i < headers.length; i += 2) {
            names.add(headers[i]);
        }
    }

    private List<String> check(String operation, Answer answer) {
        String pointer = operation + "/responses/" + answer.status();
        JsonNode response = document.document.at(pointer);
        if (response.isMissingNode()) {
            return List.of("status " + answer.status() + " is not documented for " + operation + ": " + answer.body());
        }
        List<String> problems = new ArrayList<>();
        String type = answer.header("Content-Type");
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!answer.body().isEmpty()) {
                problems.add("a body where the document has none: " + answer.body());
            }
        } else {
            String media = type == null ? "" : type.split(";")[0].strip();
            if (!content.has(media)) {
                problems.add("media type " + type + " is not documented (" + content.propertyNames() + ")");
            } else {
                problems.addAll(document.validate(pointer + "/content/" + ContractDocument.segment(media) + "/schema",
                        answer.json()));
            }
        }
        for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
            String value = answer.header(header.getKey());
            if (value == null) {
                if (header.getValue().path("required").asBoolean()) {
                    problems.add("the documented header " + header.getKey() + " is missing");
                }
                continue;
            }
            document.validate(pointer + "/headers/" + ContractDocument.segment(header.getKey()) + "/schema",
                    StringNode.valueOf(value)).forEach(p -> problems.add(header.getKey() + ": " + p));
        }
        return problems;
    }
}

package jp.tsunagari.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.tsunagari.security.RawHttp.Probe;

/**
 * Generates hostile requests for every endpoint from one seeded {@link Random}: the same seed gives the same requests.
 * Values are written as they go on the wire (already percent-encoded, or deliberately not).
 */
final class HostileRequests {

    /** A signed-in browser: its session cookie and a CSRF token valid for that session. */
    record Session(String name, String cookie, String csrf) {
    }

    /** Parameter values as sent on the wire. Free of the words the stack-trace check looks for. */
    static final List<String> VALUES = List.of("", "%", "%zz", "%C3%28", "%FF", "%u0041", "%00", "%0d%0a",
            "%0D%0ASet-Cookie:%20x=1", "-1", "0", "-0", "99999999999999999999", "1e9", "NaN", "Infinity", "0x10", "1.5",
            "+", "%20", "%2B1", "'", "%27%20OR%201%3D1--", "%22", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f", "C:%5Cwindows", "a".repeat(3000), "%E6%97%A5%E6%9C%AC",
            utf8("日本"), utf8("東京都"), "\u00ff", "\u00c3(", "UNKNOWN", "sns", "tohoku", "02", "13", "student", "line",
            "ongoing", "kana", "source", "%EF%BC%91", utf8("１２"), "%F0%9F%98%80", "%ED%A0%80", "%C0%AF", "null",
            "undefined", "true", "false", "[]", "%7B%7D", "%7B%22a%22%3A1%7D", "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D", "*",
            "%25", "%2525", "a%00b", "2026-02-30", "2026-13-01", "9999-99-99", "-2147483649", "2147483648",
            "9223372036854775808", "%201", "1%20", "1,000", "%E2%80%AE", "%EF%BB%BF1", "%0A", "%09", "a=b", "a&b",
            "<script>", "{x}", "a|b", "\"", "`", "^", "[0]", "\\", "EDITOR", "ADMIN", "admin", "sitemap", "x".repeat(300));

    /** Path segments where an id or code belongs. */
    static final List<String> SEGMENTS = List.of("abc", "-1", "0", "99999999999999999999", "1e9", "%00", "%zz", "%C3%28",
            "%FF", "%2e%2e", "..;", "1;jsessionid=x", "1%2F2", "%E6%97%A5", utf8("日本"), "1.json", "%20", "x".repeat(500),
            "1%0d%0a", "%2F", "NaN", "1.0", "+1", "%u0041", "99999", "3");

    /** Segments for signed-in writes: none of them resolves to an existing program or account. */
    static final List<String> SAFE_SEGMENTS = SEGMENTS.stream()
            .filter(s -> !s.equals("3") && !s.equals("+1") && !s.startsWith("1;")).toList();

    static final Map<String, List<String>> PUBLIC = Map.ofEntries(
            Map.entry("/", List.of("lang")),
            Map.entry("/prefectures", List.of("lang")),
            Map.entry("/statistics", List.of("lang")),
            Map.entry("/statistics/{S}.csv", List.of()),
            Map.entry("/categories/sns", List.of("sort", "page", "lang", "compare")),
            Map.entry("/categories/{S}", List.of("sort", "page")),
            Map.entry("/programs", List.of("q", "category", "region", "pref", "audience", "channel", "status", "sort",
                    "page", "lang", "compare")),
            Map.entry("/programs/1", List.of("lang", "compare")),
            Map.entry("/compare", List.of("id", "lang")),
            Map.entry("/compare.csv", List.of("id", "lang")),
            Map.entry("/programs/{S}", List.of()),
            Map.entry("/eligibility", List.of("age", "hometown", "residence", "school", "grade", "familyHome",
                    "applicant", "groupSize", "groupYoung", "date", "lang", "compare")),
            Map.entry("/programs.csv", List.of("bom")),
            Map.entry("/programs.atom", List.of("q", "category", "region", "pref", "audience", "channel", "status",
                    "sort", "page", "lang")),
            Map.entry("/programs/1/history", List.of("page", "lang")),
            Map.entry("/programs/{S}/history", List.of("page")),
            Map.entry("/programs.json", List.of()),
            Map.entry("/sitemap.xml", List.of()),
            Map.entry("/robots.txt", List.of()),
            Map.entry("/login", List.of("error", "signedOut", "throttled", "lang")),
            Map.entry("/api/v1/programs", List.of("q", "category", "region", "pref", "audience", "channel", "status",
                    "sort", "page", "size", "lang")),
            Map.entry("/api/v1/programs/1", List.of("lang")),
            Map.entry("/api/v1/programs/{S}", List.of()),
            Map.entry("/api/v1/categories", List.of("lang")),
            Map.entry("/api/v1/regions", List.of()),
            Map.entry("/api/v1/prefectures", List.of()),
            Map.entry("/api/v1/municipalities", List.of("pref")),
            Map.entry("/api/v1/{S}", List.of()),
            Map.entry("/v3/api-docs", List.of()),
            Map.entry("/swagger-ui.html", List.of()),
            Map.entry("/actuator/health", List.of()),
            Map.entry("/actuator/health/liveness", List.of()),
            Map.entry("/actuator/info", List.of()),
            Map.entry("/actuator/{S}", List.of()),
            Map.entry("/assets/css/site.css", List.of("v")),
            Map.entry("/assets/js/site.js", List.of()),
            Map.entry("/assets/{S}", List.of()));

    static final Map<String, List<String>> ADMIN_GET = Map.ofEntries(
            Map.entry("/admin", List.of("q", "category", "pref", "status", "sort", "page")),
            Map.entry("/admin/programs/new", List.of()),
            Map.entry("/admin/programs/{P}/edit", List.of()),
            Map.entry("/admin/programs/{P}/duplicate", List.of()),
            Map.entry("/admin/programs/{P}/history", List.of()),
            Map.entry("/admin/programs/{P}/history/diff", List.of("from", "to")),
            Map.entry("/admin/programs/{P}/preview", List.of()),
            Map.entry("/admin/programs/{P}/delete", List.of()),
            Map.entry("/admin/programs/{S}/edit", List.of()),
            Map.entry("/admin/programs/{S}/history/diff", List.of("from", "to")),
            Map.entry("/admin/categories", List.of()),
            Map.entry("/admin/categories/sns", List.of()),
            Map.entry("/admin/categories/{S}", List.of()),
            Map.entry("/admin/places", List.of("q")),
            Map.entry("/admin/places/13", List.of()),
            Map.entry("/admin/places/{S}", List.of()),
            Map.entry("/admin/users", List.of()),
            Map.entry("/admin/users/{U}", List.of()),
            Map.entry("/admin/users/{S}", List.of()),
            Map.entry("/admin/import", List.of()),
            Map.entry("/admin/export", List.of()),
            Map.entry("/admin/reviews", List.of("state", "organization", "pref", "page")),
            Map.entry("/admin/reviews/{P}", List.of()));

    static final List<String> PROGRAM_FIELDS = List.of("version", "name", "nameKana", "nameEn", "category", "prefecture",
            "municipality", "startYear", "startMonth", "eventYear", "eventMonth", "channel", "lifecycle", "summary",
            "benefit", "officialUrl", "eligibilityText", "examplesHeading", "sourceDocument", "sourceSection",
            "sourceOrder", "sections[0].heading", "sections[0].items", "metrics[0].value", "metrics[0].asOf",
            "metrics[0].labelJa", "examples[0].prefecture", "notes[0].ja", "groups[0].label",
            "groups[0].criteria[0].type", "groups[0].criteria[0].strength", "groups[0].criteria[0].subject",
            "groups[0].criteria[0].minAge", "groups[0].criteria[0].maxAge", "groups[0].criteria[0].areas",
            "groups[0].criteria[0].outside", "groups[0].criteria[0].domesticOnly", "groups[0].criteria[0].schools",
            "groups[0].criteria[0].applicants", "groups[0].criteria[0].minGroupSize",
            "groups[0].criteria[0].youngShareNum", "groups[0].criteria[0].youngShareDen", "sections[255].heading",
            "sections[300].heading", "groups[99999999].label", "groups[-1].label", "groups[x].label", "sections[].items",
            "metrics[0][value]", "groups[0].criteria[2147483648].type", "class.module", "action");

    static final List<String> ACTIONS = List.of("publish", "draft", "add-section", "add-group", "add-criterion-0",
            "add-criterion-99", "remove-group-0", "remove-criterion-0-5", "remove-section-x", "add-", "-", "",
            "add-criterion-99999999999", "remove-metric--1");

    static final List<String> METHODS = List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "HEAD", "POST",
            "CONNECT", "GET");

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/json", "application/xml",
            "multipart/form-data", "multipart/form-data; boundary=", "foo", "application/x-www-form-urlencoded; charset=klingon",
            "application/x-www-form-urlencoded; charset=utf-16", "*/*", "application/octet-stream", ";;;", "text/html; q=abc");

    static final List<String> ACCEPTS = List.of("text/html", "application/json", "*/*", "application/xml", "image/png",
            "x/y;q=abc", "text/html;q=2", "application/problem+json", "", ";", "text/csv");

    static final List<String> JSON_BODIES = List.of("", "{", "}", "[]", "null", "\"x\"", "42", "{\"age\":",
            "{\"age\": \"abc\"}", "{\"age\": -1}", "{\"age\": 99999999999999999999}", "{\"age\": 1e400}",
            "{\"age\": [1,2]}", "{\"age\": {\"x\": 1}}", "{\"age\": true}", "{\"hometown\": \"%zz\"}",
            "{\"residence\": \"\\u0000\"}", "{\"school\": \"UNKNOWN\"}", "{\"grade\": \"99\"}", "{\"date\": \"2026-02-30\"}",
            "{\"date\": \"yesterday\"}", "{\"applicant\": \"KING\"}", "{\"groupSize\": -5, \"groupYoung\": 99}",
            "{\"unknown\": 1}", "{\"age\": 20, \"age\": 21}", "{'age': 20}", "{\"age\": 20,}", "{\"age\": \"\\ud800\"}",
            "{\"age\": \"" + "9".repeat(5000) + "\"}", "\u00ff\u00fe", "{\"age\": 20} trailing",
            "{\"hometown\": [" + "\"x\",".repeat(20000) + "\"x\"]}", "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "{\"age\": \"" + "x".repeat(200_000) + "\"}",
            "{\"age\": 20, \"hometown\": \"02\", \"residence\": \"13\", \"school\": \"UNIVERSITY\", \"grade\": \"2\"}");

    private final Random random;
    private final String host;

    HostileRequests(long seed, int port) {
        this.random = new Random(seed);
        this.host = "127.0.0.1:" + port;
    }

    static String utf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    String value() {
        return chance(8) ? randomText() : pick(VALUES);
    }

    /** Random bytes 0x21–0xFF without '%' and the characters that end a parameter. */
    String randomText() {
        StringBuilder s = new StringBuilder();
        int length = 1 + random.nextInt(chance(10) ? 2000 : 20);
        while (s.length() < length) {
            char c = (char) (0x21 + random.nextInt(0xFF - 0x21));
            if (c != '&' && c != '#' && c != '=' && c != '%' && c != '.' && c != 0x7F) {
                s.append(c);
            }
        }
        return s.toString();
    }

    String query(List<String> names) {
        List<String> pairs = new ArrayList<>();
        int count = names.isEmpty() ? (chance(30) ? 1 : 0) : 1 + random.nextInt(Math.min(4, names.size()) + 1);
        for (int i = 0; i < count; i++) {
            String name = names.isEmpty() || chance(10) ? pick(List.of("x", "page", "lang", "%zz", "a[]", utf8("名"), "_csrf", "")) : pick(names);
            if (chance(10)) {
                name = name + "[]";
            }
            if (chance(5)) {
                pairs.add(name);
            } else {
                pairs.add(name + "=" + value());
            }
            if (chance(10)) {
                pairs.add(name + "=" + value());
            }
        }
        if (chance(5)) {
            pairs.add("&&=&");
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    String path(String template, long program, long user) {
        return template.replace("{P}", chance(85) ? Long.toString(program) : pick(SEGMENTS))
                .replace("{U}", chance(85) ? Long.toString(user) : pick(SEGMENTS))
                .replace("{S}", pick(SEGMENTS));
    }

    byte[] request(String method, String target, List<String> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append("\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    Probe probe(String label, String method, String target, List<String> headers, byte[] body) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        return new Probe(label, request(method, target, headers, body), method, path);
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    List<String> randomHeaders(Session session) {
        List<String> headers = new ArrayList<>();
        if (session != null) {
            headers.add("Cookie: " + session.cookie());
        } else if (chance(5)) {
            headers.add("Cookie: " + pick(List.of("SESSION=garbage", "SESSION=", "catalogue-lang=xx", "catalogue-lang=%zz",
                    "=;;;", "SESSION=" + "A".repeat(4000))));
        }
        if (chance(30)) {
            headers.add("Accept: " + pick(ACCEPTS));
        }
        if (chance(5)) {
            headers.add("Accept-Language: " + pick(List.of("xx", "*", "ja;q=abc", "en-US,en;q=0.9", ";;", "\u00ff")));
        }
        if (chance(3)) {
            headers.add(pick(List.of("If-None-Match: \"garbage\"", "If-None-Match: *", "Range: bytes=9-1",
                    "Range: bytes=abc", "If-Modified-Since: yesterday", "X-Forwarded-For: %zz", "Accept-Encoding: gzip",
                    "Origin: null", "Authorization: Basic %%%", "Authorization: Bearer x", "Accept-Charset: klingon")));
        }
        return headers;
    }

    /** A random GET (or other method) to one of the given endpoints, with hostile parameters and headers. */
    Probe randomRead(Map<String, List<String>> endpoints, long program, long user, Session session) {
        String template = pick(List.copyOf(endpoints.keySet().stream().sorted().toList()));
        String target = path(template, program, user) + query(endpoints.get(template));
        String method = chance(90) ? "GET" : pick(METHODS);
        byte[] body = null;
        List<String> headers = randomHeaders(session);
        if (!method.equals("GET") && !method.equals("HEAD") && chance(50)) {
            body = bytes(query(List.of("a", "b", "_csrf")).replaceFirst("^\\?", ""));
            headers.add("Content-Type: " + pick(CONTENT_TYPES));
        }
        return probe("random " + method + (session == null ? "" : " as " + session.name()), method, target, headers, body);
    }

    /** A signed-in form POST with a valid CSRF token (sometimes without, or in the wrong place). */
    Probe formPost(String label, String path, List<String> fields, List<String> fixed, Session session) {
        List<String> pairs = new ArrayList<>(fixed);
        int count = 1 + random.nextInt(Math.min(6, fields.size()));
        for (int i = 0; i < count; i++) {
            String name = pick(fields);
            pairs.add(name + "=" + (name.equals("action") ? pick(ACTIONS) : value()));
        }
        List<String> headers = new ArrayList<>();
        if (session != null) {
            headers.add("Cookie: " + session.cookie());
            if (chance(95)) {
                pairs.add(0, "_csrf=" + session.csrf());
            }
        }
        String contentType = chance(90) ? "application/x-www-form-urlencoded" : pick(CONTENT_TYPES);
        headers.add("Content-Type: " + contentType);
        if (chance(20)) {
            headers.add("Accept: " + pick(ACCEPTS));
        }
        String body = String.join("&", pairs);
        return probe(label + (session == null ? " anonymous" : " as " + session.name()), "POST", path, headers, bytes(body));
    }

    static String multipart(String boundary, String... parts) {
        StringBuilder s = new StringBuilder();
        for (String part : parts) {
            s.append("--").append(boundary).append("\r\n").append(part).append("\r\n");
        }
        return s.append("--").append(boundary).append("--\r\n").toString();
    }

    /** Broken and odd multipart bodies for POST /admin/import. */
    List<Probe> imports(Session session) {
        String b = "----hostile" + random.nextInt(1_000_000);
        String file = "Content-Disposition: form-data; name=\"file\"; filename=\"catalogue.json\"\r\nContent-Type: application/json\r\n\r\n";
        List<String[]> cases = List.of(
                new String[] {"multipart/form-data", multipart(b, file + "{}")},
                new String[] {"multipart/form-data; boundary=" + b, multipart(b, file + "{}").substring(0, 60)},
                new String[] {"multipart/form-data; boundary=" + b, multipart("wrong", file + "{}")},
                new String[] {"multipart/form-data; boundary=" + b, multipart(b, file)},
                new String[] {"multipart/form-data; boundary=" + b, multipart(b, file + "not json at all")},
                new String[] {"multipart/form-data; boundary=" + b, multipart(b, file + "\u00ff\u00fe\u0000garbage")},
                new String[] {"multipart/form-data; boundary=" + b, multipart(b, file + "{\"programs\": [{\"id\": \"x\"}]}")},
                new String[] {"multipart/form-data; boundary=" + b, multipart(b, file + "{\"programs\": 5}")},
                new String[] {"multipart/form-data; boundary=" + b, multipart(b, file + "[".repeat(3000))},
                new String[] {"multipart/form-data; boundary=" + b, multipart(b, file + "{\"programs\": [" + "{},".repeat(5000) + "{}]}")},
                new String[] {"multipart/form-data; boundary=" + b, multipart(b,
                        "Content-Disposition: form-data; name=\"keepStatus\"\r\n\r\n" + "maybe", file + "{}")},
                new String[] {"multipart/form-data; boundary=" + b, multipart(b,
                        "Content-Disposition: form-data; name=\"other\"\r\n\r\n" + "x".repeat(200_000))},
                new String[] {"multipart/form-data; boundary=" + b, multipart(b,
                        "Content-Disposition: form-data; name=\"file\"\r\n\r\n" + "not a file part")},
                new String[] {"multipart/form-data; boundary=" + b, multipart(b, "no headers at all")},
                new String[] {"multipart/form-data; boundary=" + b, "--" + b + "\r\n" + file + "{\"unterminated\": "},
                new String[] {"multipart/form-data; boundary=" + b, ""},
                new String[] {"multipart/form-data; boundary=\"" + b, multipart(b, file + "{}")},
                new String[] {"multipart/form-data; boundary=" + b, multipart(b, file.replace("catalogue.json", "../../etc/passwd") + "{}")},
                new String[] {"multipart/form-data; boundary=" + b, multipart(b, file.replace("catalogue.json", utf8("取込.json")) + "{}")},
                new String[] {"multipart/mixed; boundary=" + b, multipart(b, file + "{}")},
                new String[] {"application/json", "{}"},
                new String[] {"application/x-www-form-urlencoded", "file=%zz"},
                new String[] {"text/plain", "hello"});
        List<Probe> probes = new ArrayList<>();
        int i = 0;
        for (String[] c : cases) {
            for (int where = 0; where < 3; where++) {
                List<String> headers = new ArrayList<>();
                headers.add("Content-Type: " + c[0]);
                String target = "/admin/import";
                if (session != null) {
                    headers.add("Cookie: " + session.cookie());
                    if (where == 0) {
                        headers.add("X-CSRF-TOKEN: " + session.csrf());
                    } else if (where == 1) {
                        target = "/admin/import?_csrf=" + session.csrf();
                    }
                }
                probes.add(probe("import case " + i + " csrf " + where + (session == null ? " anonymous" : " as " + session.name()),
                        "POST", target, headers, bytes(c[1])));
            }
            i++;
        }
        return probes;
    }
}

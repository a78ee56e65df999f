package jp.tsunagari.reliability;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

/**
 * A member of staff in a browser-like HTTP session: own cookies (session, CSRF), no redirect following, forms read
 * and submitted as a browser would (every field the form holds, CSRF token included).
 */
final class StaffSession {

    /** An answer: status, Location (or ""), body. */
    record Answer(int status, String location, String body) {
        Document document() {
            return Jsoup.parse(body);
        }
    }

    /** The fields a browser would submit from a form, in order; a field set here replaces the form's value. */
    static final class Form {
        private final String action;
        private final List<String[]> fields;

        Form(String action, List<String[]> fields) {
            this.action = action;
            this.fields = fields;
        }

        static Form of(Document page, String actionEnding) {
            for (FormElement f : page.select("form").forms()) {
                String action = f.attr("action");
                if (action.split("\\?")[0].endsWith(actionEnding)) {
                    List<String[]> fields = new ArrayList<>();
                    f.formData().forEach(kv -> fields.add(new String[] {kv.key(), kv.value()}));
                    return new Form(action, fields);
                }
            }
            throw new AssertionError("no form with an action ending in " + actionEnding + " in:\n" + page.title());
        }

        Optional<String> get(String name) {
            return fields.stream().filter(f -> f[0].equals(name)).map(f -> f[1]).findFirst();
        }

        Form set(String name, String value) {
            for (String[] f : fields) {
                if (f[0].equals(name)) {
                    f[1] = value;
                    return this;
                }
            }
            fields.add(new String[] {name, value});
            return this;
        }

        String action() {
            return action;
        }

        String encoded() {
            return fields.stream().map(f -> enc(f[0]) + "=" + enc(f[1])).collect(Collectors.joining("&"));
        }
    }

    private final AppProcess app;
    private final HttpClient client;
    final String username;

    private StaffSession(AppProcess app, String username) {
        this.app = app;
        this.username = username;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in through the sign-in form; fails unless the answer is the redirect to /admin. */
    static StaffSession signIn(AppProcess app, String username, String password) throws IOException {
        StaffSession s = new StaffSession(app, username);
        Answer login = s.get("/login");
        check(login.status() == 200, "GET /login: " + login.status());
        Form form = Form.of(login.document(), "/login").set("username", username).set("password", password);
        Answer signedIn = s.post(form.action(), form);
        check(signedIn.status() == 302 && signedIn.location().endsWith("/admin"),
                "sign-in of " + username + ": " + signedIn.status() + " to '" + signedIn.location() + "'");
        return s;
    }

    static StaffSession admin(AppProcess app) throws IOException {
        return signIn(app, "admin", AppProcess.ADMIN_PASSWORD);
    }

    /**
     * Creates an EDITOR account as staff do (this session must be an administrator's): invites the person through
     * /admin/users, then — as that person, in a session of their own — sets the password through the one-time link,
     * which the account's page shows because the app under test sends no mail.
     */
    void createEditor(String name, String password) throws IOException {
        Answer page = get("/admin/users");
        check(page.status() == 200, "GET /admin/users: " + page.status());
        Form form = Form.of(page.document(), "/admin/users").set("username", name).set("displayName", name)
                .set("email", name + "@example.jp").set("role", "EDITOR");
        Answer created = post(form.action(), form);
        check(created.status() == 302, "creating the editor " + name + ": " + created.status());
        Answer account = get(java.net.URI.create(created.location()).getPath());
        String link = account.document().select("code.tsn-link-text").text();
        check(link.contains("/invitations/"), "the invitation link of " + name + " on " + created.location());
        StaffSession invited = new StaffSession(app, name);
        String path = java.net.URI.create(link).getPath();
        Answer invitation = invited.get(path);
        check(invitation.status() == 200, "GET the invitation of " + name + ": " + invitation.status());
        Form set = Form.of(invitation.document(), path).set("password", password).set("passwordConfirm", password);
        Answer done = invited.post(set.action(), set);
        check(done.status() == 302 && done.location().endsWith("/login?passwordSet"),
                "setting the password of " + name + ": " + done.status() + " to '" + done.location() + "'");
    }

    /** The program's edit form as the editor sees it. */
    Form editForm(long id) throws IOException {
        Answer page = get("/admin/programs/" + id + "/edit");
        check(page.status() == 200, "GET /admin/programs/" + id + "/edit: " + page.status());
        return Form.of(page.document(), "/admin/programs/" + id);
    }

    /** Submits the edit form with "save and publish". */
    Answer publish(long id, Form form) throws IOException {
        form.set("action", "publish");
        return post("/admin/programs/" + id, form);
    }

    /** Whether an answer to a save is its acknowledgement: the redirect back to the edit form. */
    static boolean acknowledged(long id, Answer a) {
        return a.status() == 302 && a.location().endsWith("/admin/programs/" + id + "/edit");
    }

    Answer get(String path) throws IOException {
        return send(HttpRequest.newBuilder(app.uri(path)).header("Accept", "text/html").GET());
    }

    Answer post(String path, Form form) throws IOException {
        return send(HttpRequest.newBuilder(app.uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.encoded(), StandardCharsets.UTF_8)));
    }

    private Answer send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(""), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}

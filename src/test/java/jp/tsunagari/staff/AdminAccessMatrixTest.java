package jp.tsunagari.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.ProgramReview;
import jp.tsunagari.staff.internal.StaffUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may use which /admin URL: every handler mapping Spring MVC knows under /admin, with every HTTP method, for
 * anonymous users, an organization editor (自治体担当) of 盛岡市 (032018) pointed at other organizations' programs
 * (5: 南部町; 13: 青森県, 岩手県, 新潟県) and at other users, the same organization editor on its own program
 * (7: もりおかエール便) and its own account, an EDITOR and an ADMIN of the catalogue office.
 * <p>
 * {@link #MATRIX} lists every mapping with the answer each person gets; a mapping that appears in the application
 * without a row (or a row without a mapping) fails the test, so whoever adds a URL decides who may use it. The URL
 * rules of {@link SecurityConfig} are checked against the rows. Everything runs in a transaction rolled back at the
 * end.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class AdminAccessMatrixTest {

    /**
     * The kinds of answer. {@code ok}: the person reached the handler and got an answer about the request itself —
     * 200 for a page (GET and HEAD), and for a POST 200, a redirect other than to the sign-in page, 400 (the matrix's
     * requests carry no complete form) or 409; {@code login}: a redirect to /login; {@code 403}; {@code 404}.
     */
    enum Answer {
        LOGIN, OK, FORBIDDEN, NOT_FOUND
    }

    /** The people, in the order of the matrix's columns. */
    enum Column {
        ANONYMOUS, ORG_OTHER, ORG_OWN, EDITOR, ADMIN
    }

    /**
     * Every /admin mapping: anonymous, 盛岡市 on another organization's program or another user, 盛岡市 on its own
     * program or account, EDITOR, ADMIN.
     */
    static final Map<String, String> MATRIX = matrix(
            "GET  /admin                                        login ok  ok  ok  ok",
            "GET  /admin/programs/new                           login ok  ok  ok  ok",
            "POST /admin/programs                               login ok  ok  ok  ok",
            "GET  /admin/programs/{id}/edit                     login 404 ok  ok  ok",
            "POST /admin/programs/{id}                          login 404 ok  ok  ok",
            "GET  /admin/programs/{id}/duplicate                login 404 ok  ok  ok",
            "GET  /admin/programs/{id}/preview                  login 404 ok  ok  ok",
            "GET  /admin/programs/{id}/history                  login 404 ok  ok  ok",
            "GET  /admin/programs/{id}/history/diff             login 404 ok  ok  ok",
            "POST /admin/programs/{id}/discard-draft            login 404 ok  ok  ok",
            "POST /admin/programs/{id}/submit                   login 404 ok  ok  ok",
            // 「変更なしで確認」: whoever may edit the program (7 is published)
            "POST /admin/programs/{id}/confirm                  login 404 ok  ok  ok",
            // broken links: everyone sees the list (an organization its own programs' only)
            "GET  /admin/links                                  login ok  ok  ok  ok",
            // the overview: an organization sees its own programs' figures; the municipalities' tables are the office's
            "GET  /admin/overview                               login ok  ok  ok  ok",
            "GET  /admin/overview/coverage.csv                  login ok  ok  ok  ok",
            "GET  /admin/overview/freshness.csv                 login ok  ok  ok  ok",
            "GET  /admin/overview/attention.csv                 login ok  ok  ok  ok",
            "GET  /admin/overview/reviews.csv                   login ok  ok  ok  ok",
            "GET  /admin/overview/regions.csv                   login 403 403 ok  ok",
            "GET  /admin/overview/municipalities.csv            login 403 403 ok  ok",
            // the unmet needs: the office's
            "GET  /admin/overview/searches.csv                  login 403 403 ok  ok",
            "GET  /admin/overview/checker.csv                   login 403 403 ok  ok",
            // an organization deletes only its unpublished programs; 7 is published
            "GET  /admin/programs/{id}/delete                   login 404 403 ok  ok",
            "POST /admin/programs/{id}/delete                   login 404 403 ok  ok",
            // the office's (SecurityConfig.OFFICE_ONLY)
            "POST /admin/programs/{id}/publish                  login 403 403 ok  ok",
            "POST /admin/programs/{id}/unpublish                login 403 403 ok  ok",
            "POST /admin/programs/{id}/history/{revision}/restore login 403 403 ok ok",
            "GET  /admin/reviews                                login 403 403 ok  ok",
            "GET  /admin/reviews/{id}                           login 403 403 ok  ok",
            "POST /admin/reviews/{id}/approve                   login 403 403 ok  ok",
            "POST /admin/reviews/{id}/return                    login 403 403 ok  ok",
            "GET  /admin/categories                             login 403 403 ok  ok",
            "GET  /admin/categories/{code}                      login 403 403 ok  ok",
            "POST /admin/categories/{code}                      login 403 403 ok  ok",
            "GET  /admin/places                                 login 403 403 ok  ok",
            "GET  /admin/places/{code}                          login 403 403 ok  ok",
            "POST /admin/places/{code}                          login 403 403 ok  ok",
            "GET  /admin/export                                 login 403 403 ok  ok",
            "GET  /admin/import                                 login 403 403 ok  ok",
            "POST /admin/import                                 login 403 403 ok  ok",
            "POST /admin/import/apply                           login 403 403 ok  ok",
            "GET  /admin/alerts                                 login 403 403 ok  ok",
            // asking for a link check now
            "POST /admin/links/check                            login 403 403 ok  ok",
            // user management: ADMIN only
            "GET  /admin/users                                  login 403 403 403 ok",
            "POST /admin/users                                  login 403 403 403 ok",
            "GET  /admin/users/{id}                             login 403 403 403 ok",
            "POST /admin/users/{id}/role                        login 403 403 403 ok",
            "POST /admin/users/{id}/password                    login 403 403 403 ok",
            "POST /admin/users/{id}/enabled                     login 403 403 403 ok");

    /** Query strings a page needs to be itself (the comparison of two revisions). */
    static final Map<String, String> QUERIES = Map.of("GET /admin/programs/{id}/history/diff", "?from=1&to=1");

    /** Every method a request can come with (TRACE is refused by the server's connector, outside Spring MVC). */
    static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    static final String MORIOKA = "032018";

    static Map<String, String> matrix(String... rows) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String row : rows) {
            String[] cells = row.trim().split("\\s+");
            assertThat(cells).as(row).hasSize(2 + Column.values().length);
            String key = cells[0] + " " + cells[1];
            assertThat(m).as("twice: " + key).doesNotContainKey(key);
            m.put(key, String.join(" ", List.of(cells).subList(2, cells.length)));
        }
        return m;
    }

    static Answer answer(String row, Column column) {
        String cell = MATRIX.get(row).split(" ")[column.ordinal()];
        return switch (cell) {
            case "login" -> Answer.LOGIN;
            case "ok" -> Answer.OK;
            case "403" -> Answer.FORBIDDEN;
            case "404" -> Answer.NOT_FOUND;
            default -> throw new IllegalArgumentException("unknown answer " + cell + " in " + row);
        };
    }

    /** Someone asking, with the ids their path variables take. */
    record Person(String name, Column column, RequestPostProcessor who, long program, long user, String place) {
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffDirectory directory;

    @Autowired
    ProgramEditor editor;

    @Autowired
    ProgramReview review;

    @Autowired
    JdbcTemplate jdbc;

    /** Flushed before reading rows: the requests run in the test's transaction, whose entities are written at flush. */
    @jakarta.persistence.PersistenceContext
    jakarta.persistence.EntityManager entities;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    StaffUser orgAccount;
    StaffUser target;
    List<Person> people;

    static RequestPostProcessor organization(String username, String code) {
        return user(username).authorities(new SimpleGrantedAuthority("ROLE_ORG_EDITOR"),
                new SimpleGrantedAuthority("ORG_" + code));
    }

    @BeforeEach
    void people() {
        orgAccount = directory.create("matrix-morioka", "盛岡市 担当", "matrix test password", StaffRole.ORG_EDITOR,
                MORIOKA);
        target = directory.create("matrix-target", "Matrix target", "matrix test password", StaffRole.EDITOR);
        long admin = directory.byUsername(FirstAdmin.USERNAME).orElseThrow().id();
        // Seeded programs have no revisions yet: publishing them as they are gives each a history (revision 1).
        for (long id : new long[] {5, 7, 13}) {
            editor.publish(id, editor.editable(id).orElseThrow().version(), "matrix-setup");
        }
        RequestPostProcessor morioka = organization(orgAccount.username(), MORIOKA);
        people = List.of(
                new Person("anonymous", Column.ANONYMOUS, null, 5, admin, "024457"),
                new Person("盛岡市 on 南部町's program 5", Column.ORG_OTHER, morioka, 5, admin, "024457"),
                new Person("盛岡市 on the example groups' program 13", Column.ORG_OTHER, morioka, 13, target.id(), "03"),
                new Person("盛岡市 on its own program 7", Column.ORG_OWN, morioka, 7, orgAccount.id(), MORIOKA),
                new Person("EDITOR", Column.EDITOR, user("matrix-editor").roles("EDITOR"), 5, admin, "024457"),
                new Person("ADMIN", Column.ADMIN, user("matrix-admin").roles("ADMIN"), 5, target.id(), "024457"));
    }

    /** Every /admin mapping Spring MVC knows, as "METHOD /pattern" ("ALL" for a mapping without methods). */
    Set<String> mappings() {
        Set<String> found = new TreeSet<>();
        handlerMapping.getHandlerMethods().keySet().forEach(info -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/admin") && !pattern.startsWith("/admin/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    found.add("ALL " + pattern);
                }
                methods.forEach(m -> found.add(m.name() + " " + pattern));
            }
        });
        return found;
    }

    @Test
    void everyAdminMappingHasARowAndEveryRowAMapping() {
        Set<String> found = mappings();
        assertThat(found).hasSizeGreaterThanOrEqualTo(36);
        assertThat(new TreeSet<>(MATRIX.keySet())).as("""
                rows of AdminAccessMatrixTest.MATRIX against the /admin mappings of the application: a new mapping \
                needs a row saying who may use it (and a row for a removed mapping goes)""").isEqualTo(found);
    }

    /** The matrix and the URL rules of SecurityConfig agree: office-only and user management are refused by URL. */
    @Test
    void theMatrixAgreesWithTheUrlRules() {
        for (String row : MATRIX.keySet()) {
            String path = row.substring(row.indexOf(' ') + 1);
            boolean refusedByUrl = officeOnly(path) || users(path);
            boolean organizationRefused = answer(row, Column.ORG_OTHER) == Answer.FORBIDDEN
                    && answer(row, Column.ORG_OWN) == Answer.FORBIDDEN;
            assertThat(organizationRefused).as(row + ": refused to organizations by SecurityConfig")
                    .isEqualTo(refusedByUrl);
            assertThat(answer(row, Column.EDITOR) == Answer.FORBIDDEN).as(row + ": refused to EDITOR")
                    .isEqualTo(users(path));
            assertThat(answer(row, Column.ANONYMOUS)).as(row).isEqualTo(Answer.LOGIN);
            assertThat(answer(row, Column.ADMIN)).as(row).isEqualTo(Answer.OK);
        }
    }

    static boolean officeOnly(String path) {
        return matchesAny(path, SecurityConfig.OFFICE_ONLY);
    }

    static boolean users(String path) {
        return matchesAny(path, "/admin/users", "/admin/users/**");
    }

    static boolean matchesAny(String path, String... patterns) {
        String concrete = path.replaceAll("\\{[a-z]+}", "x");
        for (String p : patterns) {
            if (PathPatternParser.defaultInstance.parse(p).matches(PathContainer.parsePath(concrete))) {
                return true;
            }
        }
        return false;
    }

    /** Whether SecurityConfig refuses this person the path whatever the method. */
    static boolean refusedByUrl(Person p, String path) {
        return switch (p.column()) {
            case ANONYMOUS -> false;
            case ORG_OTHER, ORG_OWN -> officeOnly(path) || users(path);
            case EDITOR -> users(path);
            case ADMIN -> false;
        };
    }

    /** The pattern with this person's ids in place of the path variables. */
    static String path(String pattern, Person p) {
        Matcher m = Pattern.compile("\\{([a-z]+)}").matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = pattern.substring(0, m.start());
            String value = switch (m.group(1)) {
                case "id" -> before.startsWith("/admin/users/") ? Long.toString(p.user()) : Long.toString(p.program());
                case "revision" -> "1";
                case "code" -> before.startsWith("/admin/places/") ? p.place() : "gifts";
                default -> throw new AssertionError("a path variable the matrix does not know: " + m.group()
                        + " in " + pattern + " (add what it stands for to AdminAccessMatrixTest.path)");
            };
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    MockHttpServletRequestBuilder request(HttpMethod method, String url, Person p, boolean withCsrf) {
        MockHttpServletRequestBuilder r = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .request(method, url).accept(MediaType.TEXT_HTML);
        if (withCsrf) {
            r.with(csrf());
        }
        if (p.who() != null) {
            r.with(p.who());
        }
        return r;
    }

    /** Sends the request; an exception that escaped MVC (no answer at all) counts as a 500. */
    MockHttpServletResponse send(MockHttpServletRequestBuilder r) {
        try {
            return mvc.perform(r).andReturn().getResponse();
        } catch (Exception escaped) {
            MockHttpServletResponse failed = new MockHttpServletResponse();
            failed.setStatus(500);
            failed.setHeader("X-Escaped", escaped.toString());
            return failed;
        }
    }

    static String problem(Answer expected, HttpMethod method, MockHttpServletResponse r) {
        int s = r.getStatus();
        String location = r.getRedirectedUrl();
        if (s >= 500) {
            return "server error " + s + (r.getHeader("X-Escaped") == null ? "" : " " + r.getHeader("X-Escaped"));
        }
        boolean ok = switch (expected) {
            case LOGIN -> s == 302 && "/login".equals(location);
            case FORBIDDEN -> s == 403;
            case NOT_FOUND -> s == 404;
            case OK -> method == HttpMethod.GET || method == HttpMethod.HEAD ? s == 200
                    : s == 200 || s == 400 || s == 409 || s == 302 && location != null && !location.contains("/login");
        };
        return ok ? null : "expected " + expected + ", got " + s + (location == null ? "" : " → " + location);
    }

    @Test
    void everyPersonGetsTheExpectedAnswerFromEveryMappingWithEveryMethod() {
        Map<String, Set<HttpMethod>> declared = new TreeMap<>();
        for (String row : MATRIX.keySet()) {
            String[] parts = row.split(" ");
            declared.computeIfAbsent(parts[1], k -> new java.util.HashSet<>()).add(HttpMethod.valueOf(parts[0]));
        }
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (var entry : declared.entrySet()) {
            String pattern = entry.getKey();
            for (HttpMethod method : METHODS) {
                boolean mapped = entry.getValue().contains(method)
                        || method == HttpMethod.HEAD && entry.getValue().contains(HttpMethod.GET);
                String row = (method == HttpMethod.HEAD ? "GET" : method.name()) + " " + pattern;
                for (Person p : people) {
                    String url = path(pattern, p) + (mapped ? QUERIES.getOrDefault(row, "") : "");
                    boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
                    MockHttpServletResponse r = send(request(method, url, p, !safe));
                    cells++;
                    String problem;
                    if (mapped) {
                        problem = problem(answer(row, p.column()), method, r);
                    } else if (p.column() == Column.ANONYMOUS) {
                        problem = problem(Answer.LOGIN, method, r);
                    } else if (refusedByUrl(p, pattern)) {
                        problem = problem(Answer.FORBIDDEN, method, r);
                    } else if (method == HttpMethod.OPTIONS) {
                        problem = r.getStatus() == 200 ? null : "expected OPTIONS to answer 200, got " + r.getStatus();
                    } else {
                        // no handler takes the method: 405, or 400 where another pattern took the path
                        // (POST /admin/programs/new reaches POST /admin/programs/{id} with an id that is no number)
                        problem = r.getStatus() == 405 || r.getStatus() == 400 ? null
                                : "expected 405 (method not allowed), got " + r.getStatus();
                    }
                    if (problem != null) {
                        failures.add(method + " " + url + " as " + p.name() + ": " + problem);
                    }
                }
            }
        }
        assertThat(cells).isGreaterThan(1000);
        assertThat(failures).as("%d of %d cells wrong", failures.size(), cells).isEmpty();
    }

    // ---- CSRF

    /** What the POSTs without a token send: a complete request for every POST mapping, had it carried a token. */
    Map<String, String> everything(Person p, Map<String, String> programForm) {
        Map<String, String> params = new LinkedHashMap<>(programForm);
        params.put("name", "CSRFで書き換えた名前");
        params.put("action", "publish");
        params.put("version", Long.toString(editor.editable(p.program()).orElseThrow().version()));
        params.put("comment", "CSRF");
        params.put("role", "ADMIN");
        params.put("organization", "");
        params.put("password", "a-new-password-123");
        params.put("enabled", "false");
        params.put("username", "csrf-made");
        params.put("displayName", "CSRF made");
        params.put("nameJa", "CSRF");
        params.put("nameKana", "しーえすあーるえふ");
        params.put("nameEn", "CSRF");
        params.put("descriptionJa", "CSRF");
        params.put("descriptionEn", "CSRF");
        params.put("token", "0".repeat(64));
        return params;
    }

    /** The program form as the office's edit page fills it in. */
    Map<String, String> programForm(long id) throws Exception {
        String html = mvc.perform(get("/admin/programs/" + id + "/edit").with(user("matrix-editor").roles("EDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        FormElement form = (FormElement) Jsoup.parse(html).select("form[action=/admin/programs/" + id + "]").first();
        assertThat(form).as("the program form").isNotNull();
        Map<String, String> params = new LinkedHashMap<>();
        form.formData().forEach(kv -> params.putIfAbsent(kv.key(), kv.value()));
        params.remove("_csrf");
        return params;
    }

    /** What a POST could change: programs and their drafts, reviews, revisions, accounts, categories, place names. */
    Map<String, List<String>> snapshot() {
        entities.flush();
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : List.of("program", "program_draft", "program_review", "review_comment", "program_revision",
                "staff_user", "category", "prefecture", "municipality", "program_section", "example_group")) {
            tables.put(table, jdbc.queryForList("select * from " + table).stream().map(row -> new TreeMap<>(row)
                    .toString()).sorted().toList());
        }
        return tables;
    }

    @Test
    void everyPostWithoutACsrfTokenIsRefusedAndChangesNothing() throws Exception {
        List<String> posts = MATRIX.keySet().stream().filter(row -> row.startsWith("POST ")).toList();
        assertThat(posts).hasSizeGreaterThanOrEqualTo(18);
        Map<String, List<String>> before = snapshot();
        Map<String, String> form = programForm(7);
        List<String> failures = new ArrayList<>();
        for (String row : posts) {
            String pattern = row.substring("POST ".length());
            for (Person p : people) {
                MockHttpServletRequestBuilder r = request(HttpMethod.POST, path(pattern, p), p, false);
                everything(p, form).forEach(r::param);
                MockHttpServletResponse answer = send(r);
                if (answer.getStatus() != 403) {
                    failures.add(row + " as " + p.name() + " without a CSRF token: " + answer.getStatus());
                }
                // a token in the wrong place, or a made-up one, is no token
                MockHttpServletRequestBuilder forged = request(HttpMethod.POST, path(pattern, p), p, false)
                        .param("_csrf", "forged-token").header("X-CSRF-TOKEN", "forged-token");
                everything(p, form).forEach(forged::param);
                if (send(forged).getStatus() != 403) {
                    failures.add(row + " as " + p.name() + " with a forged CSRF token: not 403");
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
        // The same request with a token does change something: the snapshot would have seen it.
        Person admin = people.get(people.size() - 1);
        MockHttpServletRequestBuilder real = request(HttpMethod.POST, "/admin/users/" + target.id() + "/role", admin, true);
        everything(admin, form).forEach(real::param);
        assertThat(send(real).getStatus()).isEqualTo(302);
        assertThat(snapshot()).isNotEqualTo(before);
    }

    // ---- an organization editor's own account and programs

    /** The account's row as stored (the entity in the test's persistence context would not show a stored change). */
    Map<String, Object> account(long id) {
        entities.flush();
        return jdbc.queryForMap("select role, organization_code, password_hash, enabled from staff_user where id = ?", id);
    }

    @Test
    void anOrganizationEditorCannotRaiseItsOwnRoleOrChangeItsAccount() throws Exception {
        RequestPostProcessor morioka = organization(orgAccount.username(), MORIOKA);
        String own = "/admin/users/" + orgAccount.id();
        Map<String, Object> before = account(orgAccount.id());
        for (String role : List.of("ADMIN", "EDITOR")) {
            mvc.perform(post(own + "/role").with(morioka).with(csrf()).param("role", role).param("organization", ""))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post(own + "/enabled").with(morioka).with(csrf()).param("enabled", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post(own + "/password").with(morioka).with(csrf()).param("password", "another password 123"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").with(morioka).with(csrf()).param("username", "morioka-admin")
                .param("displayName", "x").param("password", "long enough password").param("role", "ADMIN"))
                .andExpect(status().isForbidden());
        mvc.perform(get(own).with(morioka)).andExpect(status().isForbidden());
        assertThat(account(orgAccount.id())).isEqualTo(before);
        assertThat(account(orgAccount.id()).get("ROLE")).isEqualTo("ORG_EDITOR");
        assertThat(jdbc.queryForObject("select count(*) from staff_user where username = 'morioka-admin'", Integer.class))
                .isZero();
    }

    @Test
    void anOrganizationEditorCannotSubmitAnotherOrganizationsProgramByIdOrByFormField() throws Exception {
        RequestPostProcessor morioka = organization(orgAccount.username(), MORIOKA);
        RequestPostProcessor office = user("matrix-editor").roles("EDITOR");
        // 5 and 13 have changes waiting (saved by the office), so a submission would have something to submit.
        for (long id : new long[] {5, 13}) {
            Map<String, String> form = programForm(id);
            form.put("name", form.get("name") + "（事務局の修正）");
            MockHttpServletRequestBuilder save = post("/admin/programs/" + id).with(office).with(csrf())
                    .param("action", "draft");
            form.forEach(save::param);
            mvc.perform(save).andExpect(status().is3xxRedirection());
            assertThat(editor.editable(id).orElseThrow().hasPendingDraft()).isTrue();
            mvc.perform(post("/admin/programs/" + id + "/submit").with(morioka).with(csrf()).param("comment", "他団体"))
                    .andExpect(status().isNotFound());
            assertThat(review.status(id)).as("program %d in review", id).isEmpty();
            assertThat(review.comments(id)).isEmpty();
        }
        // Its own program, with the organizer changed to 南部町 (024457) or to 青森県 alone: refused, nothing saved.
        Map<String, String> form = programForm(7);
        for (String[] organizer : new String[][] {{"02", "024457"}, {"02", ""}, {"", "024457 南部町（青森県）"}}) {
            form.put("prefecture", organizer[0]);
            form.put("municipality", organizer[1]);
            MockHttpServletRequestBuilder save = post("/admin/programs/7").with(morioka).with(csrf())
                    .param("action", "draft");
            form.forEach(save::param);
            mvc.perform(save).andExpect(status().isBadRequest());
            assertThat(editor.editable(7).orElseThrow().hasPendingDraft()).as(String.join(" ", organizer)).isFalse();
        }
        // …so there is nothing of 7 to submit either.
        mvc.perform(post("/admin/programs/7/submit").with(morioka).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(review.status(7)).isEmpty();
        // The path decides which program is submitted: an id in the form changes nothing.
        mvc.perform(post("/admin/programs/7/submit").with(morioka).with(csrf()).param("id", "5")
                .param("programId", "5")).andExpect(status().is3xxRedirection());
        assertThat(review.status(5)).isEmpty();
    }
}

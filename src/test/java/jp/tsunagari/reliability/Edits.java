package jp.tsunagari.reliability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Saves that write one unique token into several fields of a program (name, English name, summary, the first
 * section's items, the first metric's label), so that a half-written save shows as two tokens in one program.
 */
final class Edits {

    /** A token: never in the seeded texts, unique in a run (a global counter), one search term pair. */
    static final Pattern TOKEN = Pattern.compile("zr\\d{7}");
    private static final AtomicInteger NEXT = new AtomicInteger(1);

    static final List<String> FIELDS = List.of("name", "nameEn", "summary", "sections[0].items", "metrics[0].labelJa");

    private Edits() {
    }

    static String newToken() {
        return String.format("zr%07d", NEXT.getAndIncrement());
    }

    /** Writes the token into every field the form has of {@link #FIELDS}. */
    static StaffSession.Form write(StaffSession.Form form, String token) {
        form.set("name", "信頼性試験 " + token);
        form.set("nameEn", "Reliability test " + token);
        form.set("summary", "要約 " + token + " の保存");
        form.set("sections[0].items", "項目 " + token);
        if (form.get("metrics[0].labelJa").isPresent()) {
            form.set("metrics[0].labelJa", "指標 " + token);
        }
        return form;
    }

    /**
     * The one token the form's fields hold; fails when a field holds none or another one (a half-written save), or
     * when the form lacks a field that a save writes.
     */
    static String tokenOf(StaffSession.Form form, long id) {
        String found = null;
        for (String field : FIELDS) {
            var value = form.get(field);
            if (value.isEmpty()) {
                if (field.startsWith("metrics")) {
                    continue;
                }
                throw new AssertionError("program " + id + ": the edit form has no field " + field);
            }
            Set<String> tokens = tokens(value.get());
            if (tokens.size() != 1) {
                throw new AssertionError("program " + id + ": field " + field + " holds " + tokens + " (expected one token): " + value.get());
            }
            String t = tokens.iterator().next();
            if (found != null && !found.equals(t)) {
                throw new AssertionError("program " + id + ": half-written, fields hold " + found + " and " + t + " (" + field + ")");
            }
            found = t;
        }
        return found;
    }

    static Set<String> tokens(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /**
     * The token of every revision after the first (the seed's content, recorded by the first save), oldest first,
     * read from the history page and the comparison of revision 1 with each later one; fails when a revision holds
     * other than exactly one token, or when the revisions are not numbered 1..N.
     */
    static List<String> history(StaffSession staff, long id) throws IOException {
        StaffSession.Answer page = staff.get("/admin/programs/" + id + "/history");
        StaffSession.check(page.status() == 200, "history of " + id + ": " + page.status());
        Document doc = page.document();
        List<Integer> numbers = new ArrayList<>();
        for (Element th : doc.select("table tbody tr th[scope=row]")) {
            numbers.add(Integer.parseInt(th.text().trim()));
        }
        numbers.sort(null);
        for (int i = 0; i < numbers.size(); i++) {
            StaffSession.check(numbers.get(i) == i + 1, "program " + id + ": revisions are not 1.." + numbers.size() + ": " + numbers);
        }
        List<String> tokens = new ArrayList<>();
        for (int n = 2; n <= numbers.size(); n++) {
            StaffSession.Answer diff = staff.get("/admin/programs/" + id + "/history/diff?from=1&to=" + n);
            StaffSession.check(diff.status() == 200, "diff 1.." + n + " of " + id + ": " + diff.status());
            Set<String> t = tokens(diff.document().select("main").text());
            StaffSession.check(t.size() == 1, "program " + id + " revision " + n + " holds " + t + " (expected one token)");
            tokens.add(t.iterator().next());
        }
        return tokens;
    }
}

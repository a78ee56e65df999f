package jp.tsunagari;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The docs name only what exists: every Java type, member, module-qualified type and file a page of README.md,
 * docs/ or bench/README.md names in code spans (`…`) or links is looked up in the sources. Names of library types the
 * docs mention on purpose are listed in {@code src/test/resources/docs/library-names.txt}.
 */
class DocumentationNamesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Set<String> MODULES = Set.of("system", "place", "eligibility", "catalogue", "checker",
            "search", "staff", "admin", "opendata", "synthetic", "linkcheck", "needs");
    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(?:#[^)]*)?\\)");
    private static final Pattern DECLARATION =
            Pattern.compile("\\b(?:class|record|interface|enum|@interface)\\s+([A-Z]\\w*)");
    /** CamelCase with at least two humps, then optional .member or #member parts. */
    private static final Pattern TYPE = Pattern.compile("([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)((?:[.#]\\w+)*)(?:\\(\\))?");
    /** module.Type or module/Type (jp.tsunagari's modules), then optional members. */
    private static final Pattern MODULE_TYPE =
            Pattern.compile("(?:jp\\.tsunagari\\.)?([a-z]+)[./]([A-Z]\\w*)((?:[.#]\\w+)*)(?:\\(\\))?");
    private static final Pattern FILE =
            Pattern.compile("(?:src|docs|bench|\\.ci|\\.mvn)/[\\w./-]+|[\\w-]+\\.(?:md|sh|lua|conf)|pom\\.xml|mvnw");

    /** Simple type name → the source files that declare it (nested types included). */
    private static final Map<String, List<Path>> TYPES = new HashMap<>();
    private static final Map<Path, String> SOURCES = new HashMap<>();
    private static Set<String> library;

    @BeforeAll
    static void readSources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve("src"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                SOURCES.put(file, source);
                Matcher m = DECLARATION.matcher(source);
                while (m.find()) {
                    TYPES.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(file);
                }
            }
        }
        library = new HashSet<>(Files.readAllLines(ROOT.resolve("src/test/resources/docs/library-names.txt")));
        library.removeIf(line -> line.isBlank() || line.startsWith("#"));
    }

    @Test
    void everyNameInTheDocsExists() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path page : pages()) {
            String text = Files.readString(page);
            String where = ROOT.relativize(page).toString();
            Matcher code = CODE.matcher(text);
            while (code.find()) {
                for (String token : code.group(1).split("[\\s,;=<>\\[\\]'\"]+")) {
                    String problem = check(token.replaceAll("^[(]+|[).…]+$|\\.java$", ""), page);
                    if (problem != null) {
                        missing.add(where + ": `" + token + "` " + problem);
                    }
                }
            }
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (!target.contains("://") && !Files.exists(page.getParent().resolve(target))) {
                    missing.add(where + ": link (" + target + ") — no such file");
                }
            }
        }
        assertThat(missing).as("names in the docs that do not exist (rename them, or list a library type in "
                + "src/test/resources/docs/library-names.txt)").isEmpty();
    }

    @Test
    void catchesANameThatDoesNotExist() {
        Path readme = ROOT.resolve("README.md");
        assertThat(check("ProgramFilterForm", readme)).contains("no such type");
        assertThat(check("catalogue.ProgramListControllerTest", readme)).contains("no such type");
        assertThat(check("ProgramIndex.noSuchMethod", readme)).contains("no member");
        assertThat(check("docs/no-such-page.md", readme)).contains("no such file");
        assertThat(check("search.ProgramIndex", readme)).isNull();
        assertThat(check("ProgramIndex.refresh", readme)).isNull();
        assertThat(check("IndexWriter", readme)).isNull();
    }

    /** Null when the token names something that exists (or is no name at all); else why not. */
    private static String check(String token, Path page) {
        Matcher module = MODULE_TYPE.matcher(token);
        if (module.matches() && MODULES.contains(module.group(1))) {
            List<Path> declared = TYPES.getOrDefault(module.group(2), List.of()).stream()
                    .filter(f -> f.toString().contains("/jp/tsunagari/" + module.group(1) + "/")).toList();
            return declared.isEmpty() ? "— no such type in module " + module.group(1) : members(declared, module.group(3));
        }
        Matcher type = TYPE.matcher(token);
        if (type.matches()) {
            if (library.contains(type.group(1))) {
                return null;
            }
            List<Path> declared = TYPES.get(type.group(1));
            return declared == null ? "— no such type in src/" : members(declared, type.group(2));
        }
        if (FILE.matcher(token).matches() && !token.contains("*")) {
            boolean exists = Files.exists(ROOT.resolve(token)) || Files.exists(page.getParent().resolve(token));
            return exists ? null : "— no such file";
        }
        return null;
    }

    /** Null when every .member is a word of one of the declaring files. */
    private static String members(List<Path> declared, String members) {
        for (String member : members.split("[.#]")) {
            if (member.isEmpty() || Character.isUpperCase(member.charAt(0)) && TYPES.containsKey(member)) {
                continue;
            }
            Pattern word = Pattern.compile("\\b" + Pattern.quote(member) + "\\b");
            if (declared.stream().noneMatch(f -> word.matcher(SOURCES.get(f)).find())) {
                return "— no member " + member;
            }
        }
        return null;
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("bench/README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }
}

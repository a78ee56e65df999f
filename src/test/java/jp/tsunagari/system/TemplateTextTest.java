package jp.tsunagari.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * No template carries literal UI text: every visible text and every text attribute (aria-label, title, alt,
 * placeholder) comes from the messages through a Thymeleaf attribute. Placeholder text inside an element whose
 * content Thymeleaf replaces is fine; so is bare punctuation.
 */
class TemplateTextTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert");
    static final Set<String> TEXT_ATTRIBUTES = Set.of("aria-label", "title", "alt", "placeholder");
    static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}]");

    static List<String> literalText(String html, String file) throws Exception {
        HtmlDocumentBuilder builder = new HtmlDocumentBuilder(XmlViolationPolicy.ALTER_INFOSET);
        Node document = builder.parse(new InputSource(new StringReader(html)));
        List<String> found = new ArrayList<>();
        walk(document, false, file, found);
        return found;
    }

    private static void walk(Node node, boolean replaced, String file, List<String> found) {
        if (node instanceof Element e) {
            String tag = e.getLocalName();
            if (tag.equals("script") || tag.equals("style") || tag.equals("head") && fragmentFile(file)) {
                return;
            }
            // <html th:replace="~{fragments/layout :: layout(…)}"> calls the layout with this page's parts: not a replacement.
            replaced = replaced || !tag.equals("html") && REPLACING.stream().anyMatch(name -> has(e, name));
            for (String attribute : TEXT_ATTRIBUTES) {
                if (e.hasAttribute(attribute) && WORDS.matcher(e.getAttribute(attribute)).find()) {
                    found.add(file + ": <" + tag + " " + attribute + "=\"" + e.getAttribute(attribute) + "\">");
                }
            }
        } else if (node.getNodeType() == Node.TEXT_NODE && !replaced && WORDS.matcher(node.getTextContent()).find()) {
            found.add(file + ": \"" + node.getTextContent().strip() + "\"");
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            walk(child, replaced, file, found);
        }
    }

    /**
     * A file of fragments only (its head is never rendered): neither the layout nor a page that calls it.
     * Pages call the layout with {@code fragments/layout ::}.
     */
    private static boolean fragmentFile(String file) {
        try {
            return !file.equals("fragments/layout.html")
                    && !Files.readString(TEMPLATES.resolve(file)).contains("fragments/layout ::");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The HTML parser keeps attribute names XML-safe: {@code th:text} becomes {@code thU00003Atext}. */
    private static boolean has(Element e, String name) {
        return e.hasAttribute(name) || e.hasAttribute(name.replace(":", "U00003A"));
    }

    @Test
    void templatesHaveNoLiteralUiText() throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                found.addAll(literalText(Files.readString(f), TEMPLATES.relativize(f).toString()));
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsLiteralText() throws Exception {
        String html = "<!DOCTYPE html><html><body><main><h1>施策一覧</h1><p th:text=\"#{x}\">置き換え</p>"
                + "<nav aria-label=\"メニュー\"></nav><span>(</span></main></body></html>";
        assertThat(literalText(html, "fixture.html")).containsExactly("fixture.html: \"施策一覧\"",
                "fixture.html: <nav aria-label=\"メニュー\">");
    }
}

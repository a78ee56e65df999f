package jp.tsunagari.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A structural check of an Atom 1.0 feed document against RFC 4287 (section 4), on the document as a real XML parser
 * (the JDK's, namespace aware, no DTD) reads it: the feed's single id, title and updated; an author on the feed or on
 * every entry; one self link, alternate links unique per type and language; every entry's single id, title and
 * updated, at most one published, summary and content, an alternate link; text constructs of a known type; dates in
 * RFC 3339; ids absolute IRIs, unique among the entries. Answers what the tests compare further.
 */
final class AtomCheck {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String XML = "http://www.w3.org/XML/1998/namespace";
    private static final String RFC_3339 = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)";
    private static final Set<String> TEXT_TYPES = Set.of("text", "html", "xhtml");

    /** What the checked feed says about itself and its entries (entry ids and alternate links in document order). */
    record Feed(String id, String title, String language, String self, String alternate, String updated,
                List<String> entryIds, List<String> entryLinks) {
    }

    private AtomCheck() {
    }

    static Feed check(byte[] document) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Element feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(document)).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (String name : List.of("id", "title", "updated")) {
            assertThat(children(feed, name)).as("feed/" + name).hasSize(1);
        }
        for (String name : List.of("subtitle", "rights", "generator", "icon", "logo")) {
            assertThat(children(feed, name)).as("feed/" + name).hasSizeLessThanOrEqualTo(1);
        }
        String id = text(feed, "id");
        absolute(id);
        textConstruct(feed, "title");
        textConstruct(feed, "subtitle");
        String updated = date(text(feed, "updated"));
        List<Element> entries = children(feed, "entry");
        boolean feedAuthor = !children(feed, "author").isEmpty();
        authors(feed);
        List<String> entryIds = new ArrayList<>();
        List<String> entryLinks = new ArrayList<>();
        for (Element entry : entries) {
            entry(entry, feedAuthor);
            entryIds.add(text(entry, "id"));
            entryLinks.add(alternate(entry));
        }
        assertThat(new HashSet<>(entryIds)).as("entry ids are unique").hasSize(entryIds.size());
        return new Feed(id, text(feed, "title"), feed.getAttributeNS(XML, "lang"), self(feed), alternate(feed),
                updated, List.copyOf(entryIds), List.copyOf(entryLinks));
    }

    private static void entry(Element entry, boolean feedAuthor) {
        for (String name : List.of("id", "title", "updated")) {
            assertThat(children(entry, name)).as("entry/" + name).hasSize(1);
        }
        for (String name : List.of("published", "summary", "content", "rights", "source")) {
            assertThat(children(entry, name)).as("entry/" + name).hasSizeLessThanOrEqualTo(1);
        }
        absolute(text(entry, "id"));
        assertThat(text(entry, "title")).as("entry title").isNotBlank();
        date(text(entry, "updated"));
        children(entry, "published").forEach(p -> date(p.getTextContent()));
        textConstruct(entry, "title");
        textConstruct(entry, "summary");
        textConstruct(entry, "content");
        if (!feedAuthor) {
            assertThat(children(entry, "author")).as("an author on the feed or on every entry").isNotEmpty();
        }
        authors(entry);
        for (Element category : children(entry, "category")) {
            assertThat(category.getAttribute("term")).as("category/@term").isNotEmpty();
        }
        links(entry);
    }

    private static void authors(Element parent) {
        for (Element author : children(parent, "author")) {
            assertThat(children(author, "name")).as("author/name").hasSize(1);
            assertThat(text(author, "name")).isNotBlank();
        }
    }

    /** Every link has an href; no two alternate links share a type and hreflang (RFC 4287 4.1.1). */
    private static List<Element> links(Element parent) {
        List<Element> links = children(parent, "link");
        Set<String> alternates = new HashSet<>();
        for (Element link : links) {
            assertThat(link.getAttribute("href")).as("link/@href").isNotEmpty();
            String rel = link.getAttribute("rel");
            if (rel.isEmpty() || "alternate".equals(rel)) {
                assertThat(alternates.add(link.getAttribute("type") + " " + link.getAttribute("hreflang")))
                        .as("one alternate link per type and language").isTrue();
            }
        }
        return links;
    }

    private static String self(Element feed) {
        List<String> self = links(feed).stream().filter(l -> "self".equals(l.getAttribute("rel")))
                .map(l -> l.getAttribute("href")).toList();
        assertThat(self).as("one link rel=self").hasSize(1);
        return self.get(0);
    }

    /** The text/html alternate link (an entry must have one: the brief's rule, stricter than RFC 4287). */
    private static String alternate(Element parent) {
        List<String> html = links(parent).stream().filter(l -> "alternate".equals(l.getAttribute("rel"))
                && "text/html".equals(l.getAttribute("type"))).map(l -> l.getAttribute("href")).toList();
        assertThat(html).as("a text/html alternate link in " + parent.getLocalName()).hasSize(1);
        absolute(html.get(0));
        return html.get(0);
    }

    private static void textConstruct(Element parent, String name) {
        for (Element e : children(parent, name)) {
            String type = e.getAttribute("type");
            assertThat(type.isEmpty() || TEXT_TYPES.contains(type)).as(name + "/@type " + type).isTrue();
        }
    }

    private static String date(String value) {
        assertThat(value).as("an RFC 3339 date-time").matches(RFC_3339);
        OffsetDateTime.parse(value);
        return value;
    }

    private static void absolute(String iri) {
        assertThat(URI.create(iri).isAbsolute()).as("an absolute IRI: " + iri).isTrue();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(name + " in " + parent.getLocalName()).hasSize(1);
        return found.get(0).getTextContent();
    }
}

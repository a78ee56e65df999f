package jp.tsunagari.opendata;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 document (RFC 4287) written with the JDK's {@link XMLStreamWriter}: every text escaped by the writer.
 * Times in RFC 3339 (UTC, seconds). The values are prepared by {@link ProgramFeed}.
 */
final class AtomFeed {

    static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    /** Characters XML 1.0 does not allow (control characters), left out of every text. */
    private static final Pattern XML_INVALID = Pattern.compile("[^\\x{9}\\x{A}\\x{D}\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The feed's own facts. */
    record Head(String id, String title, String subtitle, String language, Instant updated, String self,
                String alternate, String author) {
    }

    /** One entry; {@code summary} and {@code published} may be null. */
    record Entry(String id, String title, Instant updated, Instant published, String link, String summary,
                 String content, List<Category> categories) {
    }

    record Category(String term, String scheme, String label) {
    }

    private AtomFeed() {
    }

    static String write(Head head, List<Entry> entries) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(NAMESPACE);
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", head.language());
        text(xml, "id", head.id());
        text(xml, "title", head.title());
        text(xml, "subtitle", head.subtitle());
        text(xml, "updated", RFC_3339.format(head.updated()));
        link(xml, "self", "application/atom+xml", head.self());
        link(xml, "alternate", "text/html", head.alternate());
        xml.writeCharacters("\n  ");
        xml.writeStartElement("author");
        text(xml, "name", head.author());
        xml.writeEndElement();
        for (Entry e : entries) {
            entry(xml, e);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.append('\n').toString();
    }

    private static void entry(XMLStreamWriter xml, Entry e) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("entry");
        text(xml, "id", e.id());
        text(xml, "title", e.title());
        text(xml, "updated", RFC_3339.format(e.updated()));
        if (e.published() != null) {
            text(xml, "published", RFC_3339.format(e.published()));
        }
        link(xml, "alternate", "text/html", e.link());
        for (Category c : e.categories()) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("category");
            xml.writeAttribute("term", c.term());
            xml.writeAttribute("scheme", c.scheme());
            xml.writeAttribute("label", c.label());
        }
        if (e.summary() != null && !e.summary().isBlank()) {
            text(xml, "summary", e.summary());
        }
        text(xml, "content", e.content());
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement(element);
        if (!"id".equals(element) && !"updated".equals(element) && !"published".equals(element)
                && !"name".equals(element)) {
            xml.writeAttribute("type", "text");
        }
        xml.writeCharacters(XML_INVALID.matcher(value).replaceAll(""));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }
}

package jp.tsunagari.catalogue;

import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import jp.tsunagari.catalogue.internal.Categories;
import jp.tsunagari.catalogue.internal.ProgramRepository;
import jp.tsunagari.system.PublicUrls;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * For crawlers: {@code /sitemap.xml} lists every public page (entry pages, the categories and every published
 * program, never a draft) with absolute URLs; {@code /robots.txt} keeps them out of the staff pages and names the
 * sitemap. Both are public (only {@code /admin} needs sign-in).
 */
@Controller
class SitemapController {

    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final List<String> ENTRY_PAGES = List.of("/", "/programs", "/prefectures", "/eligibility");
    private static final MediaType XML = new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final ProgramRepository programs;
    private final Categories categories;
    private final PublicUrls urls;

    SitemapController(ProgramRepository programs, Categories categories, PublicUrls urls) {
        this.programs = programs;
        this.categories = categories;
        this.urls = urls;
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap() throws XMLStreamException {
        List<String> paths = new ArrayList<>(ENTRY_PAGES);
        categories.findAllByOrderByNumber().forEach(c -> paths.add("/categories/" + c.code()));
        programs.findPublishedIds().forEach(id -> paths.add("/programs/" + id));

        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(NAMESPACE);
        for (String path : paths) {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("url");
            xml.writeStartElement("loc");
            xml.writeCharacters(urls.absolute(path));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(XML).body(out.append('\n').toString());
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots(HttpServletRequest request) {
        String context = request.getContextPath();
        String body = "User-agent: *\n"
                + "Disallow: " + context + "/admin\n"
                + "Disallow: " + context + "/login\n"
                // comparisons and lists carrying a comparison's choice: a URL per combination, nothing new to index
                + "Disallow: " + context + "/compare\n"
                + "Disallow: " + context + "/*compare=\n"
                + "\n"
                + "Sitemap: " + urls.absolute("/sitemap.xml") + "\n";
        return ResponseEntity.ok().contentType(TEXT).body(body);
    }
}

package jp.tsunagari.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.tsunagari.catalogue.ApplicationCost;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.system.internal.PageCacheFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code /programs.atom}, on a database of its own (it edits; {@code PublicHistoryTest} shares it): valid Atom 1.0
 * with every required element, the list page's filters, an edit published by staff first and marked as changed with
 * what changed in words, 400 with a message for unusable parameters, and the page cache (stored, emptied by a change).
 */
@SpringBootTest(properties = ProgramFeedTest.DATABASE)
@AutoConfigureMockMvc
class ProgramFeedTest {

    /** The same database (and so the same application context) as {@code catalogue.PublicHistoryTest}. */
    static final String DATABASE = "spring.datasource.url=jdbc:h2:mem:feeds;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static final String ATOM = "http://www.w3.org/2005/Atom";

    @Autowired
    MockMvc mvc;

    @Autowired
    ProgramEditor editor;

    MockHttpServletResponse fetch(String url) throws Exception {
        return mvc.perform(get(url)).andReturn().getResponse();
    }

    static Element feed(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/atom+xml;charset=UTF-8");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.getContentAsByteArray()));
        Element feed = doc.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        return feed;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(name + " in " + parent.getLocalName()).hasSize(1);
        return found.get(0).getTextContent();
    }

    static Element link(Element parent, String rel) {
        return children(parent, "link").stream().filter(l -> rel.equals(l.getAttribute("rel"))).findFirst().orElseThrow();
    }

    /** The program ids of the entries, in order (from their links). */
    static List<Long> ids(Element feed) {
        return children(feed, "entry").stream().map(e -> link(e, "alternate").getAttribute("href"))
                .map(href -> Long.parseLong(href.substring(href.lastIndexOf('/') + 1))).toList();
    }

    @Test
    void theFeedIsAtomWithEveryRequiredElement() throws Exception {
        Element feed = feed(fetch("/programs.atom"));
        assertThat(text(feed, "id")).isEqualTo(FeedIdentityTest.TAG + "programs.atom");
        assertThat(text(feed, "title")).isEqualTo("つながり施策カタログの新着・更新");
        OffsetDateTime updated = OffsetDateTime.parse(text(feed, "updated"));
        assertThat(link(feed, "self").getAttribute("href")).isEqualTo("http://localhost/programs.atom");
        assertThat(link(feed, "alternate").getAttribute("href")).isEqualTo("http://localhost/programs");
        assertThat(text(children(feed, "author").get(0), "name")).isEqualTo("つながり施策カタログ事務局");
        List<Element> entries = children(feed, "entry");
        assertThat(entries).hasSizeBetween(13, 50);
        for (Element entry : entries) {
            String url = link(entry, "alternate").getAttribute("href");
            assertThat(url).matches("http://localhost/programs/[0-9]+");
            assertThat(text(entry, "id")).isEqualTo(FeedIdentityTest.TAG + url.substring("http://localhost/".length()));
            assertThat(text(entry, "title")).isNotBlank();
            OffsetDateTime entryUpdated = OffsetDateTime.parse(text(entry, "updated"));
            assertThat(entryUpdated).isBeforeOrEqualTo(updated);
            assertThat(OffsetDateTime.parse(text(entry, "published"))).isBeforeOrEqualTo(entryUpdated);
            assertThat(children(entry, "category")).anyMatch(c -> c.getAttribute("scheme")
                    .equals(FeedIdentityTest.TAG + "categories"));
        }
        String body = fetch("/programs.atom").getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("<summary type=\"text\">主に東京圏在住で栃木県出身の若者向けに特化した栃木県LINE公式アカウント</summary>");
    }

    @Test
    void theListFiltersApplyAndTheTitleSaysWhich() throws Exception {
        Element feed = feed(fetch("/programs.atom?category=gifts&pref=03"));
        List<Number> expected = JsonPath.parse(fetch("/api/v1/programs?size=100&category=gifts&pref=03")
                .getContentAsString(StandardCharsets.UTF_8)).read("$.items[*].id");
        assertThat(ids(feed)).isNotEmpty().containsExactlyInAnyOrderElementsOf(
                expected.stream().map(Number::longValue).toList());
        assertThat(ids(feed)).contains(7L);
        assertThat(text(feed, "title")).contains("取組の種類: 地元産品等の贈り物").contains("都道府県: 岩手県");
        assertThat(link(feed, "self").getAttribute("href"))
                .isEqualTo("http://localhost/programs.atom?category=gifts&pref=03");
        assertThat(link(feed, "alternate").getAttribute("href"))
                .isEqualTo("http://localhost/programs?category=gifts&pref=03");
        // sort and page are not a feed's: ignored, never refused.
        assertThat(ids(feed(fetch("/programs.atom?category=gifts&pref=03&sort=kana&page=2")))).isEqualTo(ids(feed));
        assertThat(ids(feed(fetch("/programs.atom?q=LINE&category=sns")))).isNotEmpty().doesNotContain(7L);
        assertThat(ids(feed(fetch("/programs.atom?q=存在しない言葉ですよ")))).isEmpty();
    }

    @Test
    void anEditPublishedByStaffComesFirstAsChangedWithWhatChanged() throws Exception {
        MockHttpServletResponse before = fetch("/programs.atom?category=gifts");
        assertThat(before.getHeader(PageCacheFilter.HIT_HEADER)).isNotNull();
        assertThat(fetch("/programs.atom?category=gifts").getHeader(PageCacheFilter.HIT_HEADER)).isEqualTo("hit");

        ProgramEditor.Editable e = editor.editable(7).orElseThrow();
        editor.save(7, e.version(), withApplication(e.content()), true, "staff-feedtest@example.jp");

        MockHttpServletResponse after = fetch("/programs.atom?category=gifts");
        assertThat(after.getHeader(PageCacheFilter.HIT_HEADER)).as("the change emptied the cache").isEqualTo("miss");
        Element feed = feed(after);
        assertThat(ids(feed).get(0)).isEqualTo(7L);
        Element first = children(feed, "entry").get(0);
        assertThat(text(first, "title")).isEqualTo("もりおかエール便");
        assertThat(text(feed, "updated")).isEqualTo(text(first, "updated"));
        assertThat(children(first, "category")).anyMatch(c -> c.getAttribute("term").equals("changed")
                && c.getAttribute("label").equals("更新"));
        assertThat(text(first, "content")).isEqualTo(
                "更新: 申込方法を登録、申込先を登録、問い合わせ先を登録、必要書類を登録、利用者の費用を登録");
        // published stays the first publication; updated is the edit's time (the same second is possible on a
        // database created just before this test, so "not before" rather than "after").
        Element feedBefore = feed(before);
        Element entryBefore = children(feedBefore, "entry").get(ids(feedBefore).indexOf(7L));
        assertThat(text(first, "published")).isEqualTo(text(entryBefore, "published"));
        assertThat(OffsetDateTime.parse(text(first, "updated")))
                .isAfterOrEqualTo(OffsetDateTime.parse(text(first, "published")));
        String body = after.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("staff-feedtest");
        assertThat(children(children(feed, "entry").get(1), "category")).anyMatch(c -> c.getAttribute("term").equals("new"));

        assertThat(ids(feed(fetch("/programs.atom"))).get(0)).isEqualTo(7L);
        assertThat(ids(feed(fetch("/programs.atom?category=sns")))).doesNotContain(7L);
    }

    @Test
    void theListAndCategoryPagesLinkTheFeedOfTheirFilters() throws Exception {
        org.jsoup.nodes.Document list = org.jsoup.Jsoup.parse(fetch("/programs?category=gifts&pref=03&sort=kana")
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(list.select("head link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo("/programs.atom?category=gifts&pref=03");
        assertThat(list.select("main a[href=/programs.atom?category=gifts&pref=03]").text())
                .isEqualTo("この条件の更新情報（Atom）");
        org.jsoup.nodes.Document category = org.jsoup.Jsoup.parse(fetch("/categories/sns")
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(category.select("head link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo("/programs.atom?category=sns");
    }

    @Test
    void unusableParametersAre400WithAMessage() throws Exception {
        for (String url : List.of("/programs.atom?category=nope", "/programs.atom?pref=99", "/programs.atom?status=x",
                "/programs.atom?q=" + "あ".repeat(201), "/programs.atom?audience=%00")) {
            MockHttpServletResponse bad = fetch(url);
            assertThat(bad.getStatus()).as(url).isEqualTo(400);
            assertThat(bad.getContentType()).isEqualTo("application/problem+json");
            assertThat(JsonPath.parse(bad.getContentAsString(StandardCharsets.UTF_8)).read("$.errors[0].message",
                    String.class)).as(url).isNotBlank();
            assertThat(bad.getHeader(PageCacheFilter.HIT_HEADER)).isNull();
        }
        // Staff (a session) get a fresh feed, never a stored one.
        MockHttpServletResponse staff = mvc.perform(get("/programs.atom").cookie(new jakarta.servlet.http.Cookie("SESSION",
                java.util.Base64.getEncoder().encodeToString(java.util.UUID.randomUUID().toString().getBytes())))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(staff.getHeader(PageCacheFilter.HIT_HEADER)).isNull();
        // The English feed sets no cookie and is stored like the Japanese one (FeedIdentityTest).
        assertThat(fetch("/programs.atom?lang=en").getHeader(PageCacheFilter.HIT_HEADER)).isNotNull();
    }

    @Test
    void theEnglishFeedHasEnglishWords() throws Exception {
        MockHttpServletResponse en = fetch("/programs.atom?category=gifts&lang=en");
        Element feed = feed(en);
        assertThat(feed.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("en");
        assertThat(text(feed, "title")).isEqualTo(
                "Connection Programs Catalogue: new and changed programs (Type of initiative: Gifts of local products)");
    }

    static ProgramContent withApplication(ProgramContent c) {
        ProgramContent.Application application = new ProgramContent.Application("申込書を郵送", "https://example.jp/apply",
                "盛岡市 市民部", "019-000-0000", null, null, List.of("申込書"), ApplicationCost.FREE, null, null);
        return new ProgramContent(c.name(), c.nameKana(), c.nameEn(), c.categoryCode(),
                c.organizerPrefectureCode(), c.organizerMunicipalityCode(), c.startYear(), c.startMonth(), c.eventYear(),
                c.eventMonth(), c.channel(), c.lifecycle(), c.summary(), c.benefit(), c.officialUrl(), c.eligibilityText(),
                c.examplesHeading(), c.sourceDocumentId(), c.sourceSection(), c.sourceOrder(), c.sections(), c.metrics(),
                c.examples(), c.dataNotes(), c.targetGroups(), application, c.schedule());
    }
}

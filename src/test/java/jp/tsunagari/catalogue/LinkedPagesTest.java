package jp.tsunagari.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Linkable pages: schema.org JSON-LD, canonical URL and OpenGraph tags in the head of public pages, the sitemap and
 * robots.txt. Tests that add programs roll back (other tests count the 15 seeded programs).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class LinkedPagesTest {

    static final String BASE = "http://localhost";
    static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    ProgramEditor editor;

    @Autowired
    JdbcTemplate jdbc;

    MockHttpServletResponse response(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse();
    }

    String html(String url) throws Exception {
        return response(url).getContentAsString(StandardCharsets.UTF_8);
    }

    /** The page as a browser's HTML parser reads it (the Nu parser implements the HTML tokenizer's script states). */
    static Document parse(String page) throws Exception {
        return new HtmlDocumentBuilder(XmlViolationPolicy.ALTER_INFOSET).parse(new InputSource(new StringReader(page)));
    }

    static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    /** The page's only JSON-LD block as the HTML parser sees it, parsed: fails if missing, repeated or not JSON. */
    static JsonNode linkedData(String page) throws Exception {
        List<Element> blocks = elements(parse(page), "script").stream()
                .filter(e -> "application/ld+json".equals(e.getAttribute("type"))).toList();
        assertThat(blocks).as("one JSON-LD block").hasSize(1);
        Matcher m = JSON_LD.matcher(page);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).as("the parser and the markup agree").isEqualTo(blocks.get(0).getTextContent());
        return JSON.readTree(blocks.get(0).getTextContent());
    }

    static List<String> strings(JsonNode array) {
        assertThat(array.isArray()).as(array.toString()).isTrue();
        return array.values().stream().map(JsonNode::asString).toList();
    }

    @Test
    void aMunicipalitysProgramIsAGovernmentServiceOfThatLocalGovernment() throws Exception {
        JsonNode data = linkedData(html("/programs/5"));
        assertThat(data.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(data.get("@type").asString()).isEqualTo("GovernmentService");
        assertThat(data.get("name").asString()).isEqualTo("ふるさと南部からのエール便");
        assertThat(data.get("description").asString()).startsWith("ふるさとの良さを再認識してもらうため");
        assertThat(data.get("url").asString()).isEqualTo(BASE + "/programs/5");
        assertThat(data.get("@id").asString()).isEqualTo(BASE + "/programs/5");
        assertThat(data.get("inLanguage").asString()).isEqualTo("ja");
        assertThat(data.get("serviceType").asString()).isEqualTo("地元産品等の贈り物");

        JsonNode provider = data.get("provider");
        assertThat(provider.get("@type").asString()).isEqualTo("GovernmentOrganization");
        assertThat(provider.get("name").asString()).isEqualTo("青森県南部町");
        assertThat(provider.get("identifier").get("propertyID").asString()).isEqualTo("全国地方公共団体コード");
        assertThat(provider.get("identifier").get("value").asString()).isEqualTo("024457");

        JsonNode area = data.get("areaServed");
        assertThat(area.get("@type").asString()).isEqualTo("AdministrativeArea");
        assertThat(area.get("name").asString()).isEqualTo("青森県南部町");
        assertThat(area.get("containedInPlace").get("name").asString()).isEqualTo("青森県");

        assertThat(data.get("audience").get("@type").asString()).isEqualTo("Audience");
        assertThat(strings(data.get("audience").get("audienceType"))).containsExactly("学生", "保護者");
        assertThat(data.get("isBasedOn").get("name").asString()).isEqualTo("「地域とのつながり」に関する施策事例");
        assertThat(data.has("availableChannel")).as("no official URL in the source").isFalse();
    }

    @Test
    void aPrefecturesProgramNamesThePrefectureWithItsOwnCode() throws Exception {
        JsonNode data = linkedData(html("/programs/1"));
        assertThat(data.get("provider").get("name").asString()).isEqualTo("栃木県");
        assertThat(data.get("provider").get("identifier").get("value").asString()).isEqualTo("090000");
        assertThat(data.get("areaServed").get("name").asString()).isEqualTo("栃木県");
        assertThat(data.get("areaServed").has("containedInPlace")).isFalse();
        assertThat(data.get("serviceType").asString()).isEqualTo("SNS");
    }

    @Test
    void aProgramWithoutOrganizerHasNoProviderAndServesItsExamplesPrefectures() throws Exception {
        JsonNode data = linkedData(html("/programs/13"));
        assertThat(data.get("name").asString()).isEqualTo("ネオ県人会");
        assertThat(data.has("provider")).isFalse();
        JsonNode areas = data.get("areaServed");
        assertThat(areas.isArray()).isTrue();
        assertThat(areas.values()).allSatisfy(a -> assertThat(a.get("@type").asString()).isEqualTo("AdministrativeArea"));
        assertThat(areas.values().stream().map(a -> a.get("name").asString())).containsExactly("青森県", "岩手県", "新潟県");
        assertThat(strings(data.get("audience").get("audienceType"))).containsExactly("出身者", "どなたでも");
    }

    @Test
    void everyPublishedProgramPageHasValidJsonLdEvenWithQuotesInTheSource() throws Exception {
        // Program 15 is 「I'm Your Home.」: an apostrophe that a JavaScript (not JSON) serializer would write as \'.
        for (Long id : jdbc.queryForList("select id from program where status = 'PUBLISHED' order by id", Long.class)) {
            JsonNode data = linkedData(html("/programs/" + id));
            assertThat(data.get("url").asString()).isEqualTo(BASE + "/programs/" + id);
            assertThat(data.get("name").asString()).isEqualTo(
                    jdbc.queryForObject("select name from program where id = ?", String.class, id));
        }
    }

    @Test
    void registeredApplicationInformationIsTheServiceChannelAndItsContactPoint() throws Exception {
        ProgramContent c = ProgramEditorTest.newProgram("申込み情報つき");
        ProgramContent with = new ProgramContent(c.name(), c.nameKana(), c.nameEn(), c.categoryCode(),
                c.organizerPrefectureCode(), c.organizerMunicipalityCode(), c.startYear(), c.startMonth(), c.eventYear(),
                c.eventMonth(), c.channel(), c.lifecycle(), c.summary(), c.benefit(), c.officialUrl(), c.eligibilityText(),
                c.examplesHeading(), c.sourceDocumentId(), c.sourceSection(), c.sourceOrder(), c.sections(), c.metrics(),
                c.examples(), c.dataNotes(), c.targetGroups(), new ProgramContent.Application(null,
                "https://example.jp/apply", "盛岡市 市民部", "019-651-4111", "yell@example.jp", null, List.of(), null,
                null, null), null);
        long id = editor.create(with, true, "tester");
        JsonNode channel = linkedData(html("/programs/" + id)).get("availableChannel");
        assertThat(channel.get("serviceUrl").asString()).isEqualTo("https://example.jp/apply");
        assertThat(channel.get("servicePhone").get("@type").asString()).isEqualTo("ContactPoint");
        assertThat(channel.get("servicePhone").get("telephone").asString()).isEqualTo("019-651-4111");
        assertThat(channel.get("servicePhone").get("email").asString()).isEqualTo("yell@example.jp");
        assertThat(channel.get("servicePhone").get("name").asString()).isEqualTo("盛岡市 市民部");
    }

    @Test
    void aHostileNameStaysInsideTheJsonAndTheAttributes() throws Exception {
        String hostile = "</script><script>alert(1)</script>\"quoted\" 'single' & <b>bold</b> \\ \u2028 </SCRIPT >"
                + " <!--<script>";
        ProgramContent content = ProgramEditorTest.newProgram(hostile);
        long id = editor.create(content, false, "tester");
        editor.publish(id, editor.editable(id).orElseThrow().version(), "tester");

        String page = html("/programs/" + id);
        assertThat(page).doesNotContain("<script>alert(1)").doesNotContainIgnoringCase("</script><script>")
                .doesNotContain("<b>bold</b>");
        assertThat(Pattern.compile("<script").matcher(page).results().count())
                .as("only site.js and the JSON-LD block").isEqualTo(2);
        JsonNode data = linkedData(page);
        assertThat(data.get("name").asString()).isEqualTo(hostile);
        Document document = parse(page);
        assertThat(elements(document, "script")).as("only site.js and the JSON-LD block").hasSize(2);
        assertThat(elements(document, "main")).as("the page body is still markup").hasSize(1);
        assertThat(elements(document, "h1")).singleElement().extracting(Element::getTextContent).isEqualTo(hostile);
        assertThat(data.get("provider").get("name").asString()).isEqualTo("岩手県盛岡市");
        assertThat(data.get("provider").get("identifier").get("value").asString()).isEqualTo("032018");
        assertThat(data.get("availableChannel").get("url").asString()).isEqualTo("https://www.city.morioka.iwate.jp/");
        assertThat(data.get("availableChannel").get("@type").asString()).isEqualTo("ServiceChannel");
        assertThat(page).contains("<meta property=\"og:title\" content=\"" + CataloguePagesTest.escaped(hostile) + "\">");
    }

    @Test
    void programPagesHaveACanonicalUrlWithoutLanguageAndOpenGraphTags() throws Exception {
        String ja = html("/programs/7");
        assertThat(ja).contains("<link rel=\"canonical\" href=\"" + BASE + "/programs/7\">")
                .contains("<meta property=\"og:type\" content=\"website\">")
                .contains("<meta property=\"og:site_name\" content=\"つながり施策カタログ\">")
                .contains("<meta property=\"og:title\" content=\"もりおかエール便\">")
                .containsPattern("<meta property=\"og:description\" content=\"[^\"]+\">")
                .contains("<meta property=\"og:url\" content=\"" + BASE + "/programs/7\">")
                .contains("<meta property=\"og:locale\" content=\"ja_JP\">")
                .contains("<meta property=\"og:locale:alternate\" content=\"en_US\">");

        String en = html("/programs/7?lang=en");
        assertThat(en).contains("<link rel=\"canonical\" href=\"" + BASE + "/programs/7\">")
                .contains("<meta property=\"og:url\" content=\"" + BASE + "/programs/7\">")
                .contains("<meta property=\"og:locale\" content=\"en_US\">")
                .contains("<meta property=\"og:site_name\" content=\"Connection Programs Catalogue\">")
                .doesNotContain("lang=en\">");
        assertThat(linkedData(en).get("serviceType").asString()).as("the data stays Japanese").isEqualTo("地元産品等の贈り物");
    }

    @Test
    void homeAndCategoryPagesHaveCanonicalUrlsWithoutLanguageOrSort() throws Exception {
        assertThat(html("/?lang=en")).contains("<link rel=\"canonical\" href=\"" + BASE + "/\">")
                .contains("<meta property=\"og:title\" content=\"Connection Programs Catalogue\">")
                .doesNotContain("application/ld+json");
        assertThat(html("/categories/gifts?sort=kana&lang=ja"))
                .contains("<link rel=\"canonical\" href=\"" + BASE + "/categories/gifts\">")
                .contains("<meta property=\"og:title\" content=\"地元産品等の贈り物\">");
    }

    @Test
    void pagesThatAreNotPublicHaveNoCanonicalUrl() throws Exception {
        String missing = mvc.perform(get("/programs/999")).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(missing).doesNotContain("rel=\"canonical\"").doesNotContain("og:");
        assertThat(html("/login")).doesNotContain("rel=\"canonical\"");
    }

    @Test
    void theSitemapListsThePublicPagesAndExactlyThePublishedPrograms() throws Exception {
        long draft = editor.create(ProgramEditorTest.newProgram("下書きの施策"), false, "tester");

        MockHttpServletResponse response = response("/sitemap.xml");
        assertThat(response.getContentType()).startsWith("application/xml");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.getContentAsByteArray()));
        Element root = xml.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("urlset");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");

        NodeList locs = root.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            urls.add(locs.item(i).getTextContent());
        }
        List<String> expected = new ArrayList<>(List.of(BASE + "/", BASE + "/programs", BASE + "/prefectures",
                BASE + "/eligibility", BASE + "/categories/sns", BASE + "/categories/gifts",
                BASE + "/categories/co-creation", BASE + "/categories/alumni-exchange", BASE + "/categories/other"));
        List<Long> published = jdbc.queryForList("select id from program where status = 'PUBLISHED' order by id", Long.class);
        assertThat(published).hasSize(15);
        published.forEach(id -> expected.add(BASE + "/programs/" + id));
        assertThat(urls).containsExactlyElementsOf(expected).doesNotContain(BASE + "/programs/" + draft);
    }

    @Test
    void robotsKeepsCrawlersOutOfStaffPagesAndNamesTheSitemap() throws Exception {
        MockHttpServletResponse response = response("/robots.txt");
        assertThat(response.getContentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("""
                User-agent: *
                Disallow: /admin
                Disallow: /login
                Disallow: /compare
                Disallow: /*compare=

                Sitemap: http://localhost/sitemap.xml
                """);
    }
}

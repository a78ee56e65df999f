package jp.tsunagari.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import jp.tsunagari.system.PublicUrls;
import jp.tsunagari.system.internal.PageCacheFilter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every feed variant is a feed of its own (issue 31): an RFC 4287 check ({@link AtomCheck}) of each, its {@code id} a
 * {@code tag:} URI of its canonical filters and language, its {@code self} the URL fetched in canonical order, its
 * {@code alternate} the /programs page of the same filters and language; ids the same whatever the request's
 * {@code Host} or the configured base URL; the English feed cached like the Japanese one; the pages link the feed of
 * their filters and language. Shares {@link ProgramFeedTest}'s database and context (it only reads).
 */
@SpringBootTest(properties = ProgramFeedTest.DATABASE)
@AutoConfigureMockMvc
class FeedIdentityTest {

    static final String TAG = "tag:tsunagari.example.jp,2026:";

    @Autowired
    MockMvc mvc;

    @Autowired
    PublicUrls urls;

    MockHttpServletResponse fetch(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/atom+xml;charset=UTF-8");
        return response;
    }

    AtomCheck.Feed feed(MockHttpServletRequestBuilder request) throws Exception {
        return AtomCheck.check(fetch(request).getContentAsByteArray());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/programs.atom                                               | ''",
        "/programs.atom?lang=ja                                       | ''",
        "/programs.atom?lang=en                                       | ?lang=en",
        "/programs.atom?pref=03&category=gifts                        | ?category=gifts&pref=03",
        "/programs.atom?lang=en&pref=03&category=gifts                | ?category=gifts&pref=03&lang=en",
        "/programs.atom?ended=include                                  | ?ended=include",
        "/programs.atom?lang=en&ended=include                          | ?ended=include&lang=en",
        "/programs.atom?accepting=now&accepting=closed                 | ?accepting=closed&accepting=now",
        "/programs.atom?sort=kana&page=2&category=sns                  | ?category=sns",
        "/programs.atom?confirmed=recent&channel=line&audience=youth&region=tohoku&status=ongoing&q=LINE"
            + " | ?q=LINE&region=tohoku&audience=youth&channel=line&status=ongoing&confirmed=recent",
        "/programs.atom?q=%E6%A0%83%E6%9C%A8                             | ?q=%E6%A0%83%E6%9C%A8",
        "/programs.atom?q=zzqqxxnothing&lang=en                          | ?q=zzqqxxnothing&lang=en",
    })
    void everyVariantIsAtomWithItsOwnIdSelfAndAlternate(String url, String canonical) throws Exception {
        AtomCheck.Feed feed = feed(get(URI.create(url)));
        boolean english = canonical.contains("lang=en");
        assertThat(feed.id()).isEqualTo(TAG + "programs.atom" + canonical);
        assertThat(feed.self()).isEqualTo("http://localhost/programs.atom" + canonical);
        assertThat(feed.alternate()).isEqualTo("http://localhost/programs" + canonical);
        assertThat(feed.language()).isEqualTo(english ? "en" : "ja");
        if (canonical.contains("zzqqxxnothing")) {
            assertThat(feed.entryIds()).as("an empty result is still a feed").isEmpty();
        } else if (!canonical.contains("q=") && !canonical.contains("accepting=")) {
            assertThat(feed.entryIds()).isNotEmpty();
        }
        String suffix = english ? "?lang=en" : "";
        for (int i = 0; i < feed.entryIds().size(); i++) {
            String link = feed.entryLinks().get(i);
            assertThat(link).matches("http://localhost/programs/[0-9]+" + Pattern.quote(suffix));
            String program = link.substring("http://localhost/".length());
            assertThat(feed.entryIds().get(i)).isEqualTo(TAG + program);
        }
        AtomCheck.Feed elsewhere = feed(get(URI.create(url)).header(HttpHeaders.HOST, "other.example:8081"));
        assertThat(elsewhere.self()).as("a location: from the request").isEqualTo(
                "http://other.example:8081/programs.atom" + canonical);
        assertThat(elsewhere.id()).as("an identity: never from the request").isEqualTo(feed.id());
        assertThat(elsewhere.entryIds()).isEqualTo(feed.entryIds());
    }

    @Test
    void theFiltersAndTheLanguageMakeDifferentFeeds() throws Exception {
        AtomCheck.Feed plain = feed(get("/programs.atom"));
        AtomCheck.Feed ended = feed(get("/programs.atom?ended=include"));
        AtomCheck.Feed english = feed(get("/programs.atom?lang=en"));
        assertThat(ended.id()).isNotEqualTo(plain.id());
        assertThat(english.id()).isNotEqualTo(plain.id()).isNotEqualTo(ended.id());
        assertThat(english.entryIds()).doesNotContainAnyElementsOf(plain.entryIds());
        assertThat(english.title()).startsWith("Connection Programs Catalogue");
        // The language is the URL's: a visitor's language cookie does not turn the Japanese feed into another.
        AtomCheck.Feed withCookie = feed(get("/programs.atom").cookie(new Cookie("catalogue-lang", "en")));
        assertThat(withCookie.id()).isEqualTo(plain.id());
        assertThat(withCookie.language()).isEqualTo("ja");
        assertThat(withCookie.title()).isEqualTo(plain.title());
    }

    @Test
    void theEnglishFeedIsCachedLikeTheJapaneseOne() throws Exception {
        for (String url : List.of("/programs.atom?category=gifts", "/programs.atom?category=gifts&lang=en")) {
            MockHttpServletResponse first = fetch(get(url));
            assertThat(first.getHeader(HttpHeaders.CACHE_CONTROL)).as(url).isEqualTo("no-cache");
            assertThat(first.getHeader(HttpHeaders.SET_COOKIE)).as(url).isNull();
            String etag = first.getHeader(HttpHeaders.ETAG);
            assertThat(etag).as(url).isNotBlank();
            MockHttpServletResponse again = fetch(get(url));
            assertThat(again.getHeader(PageCacheFilter.HIT_HEADER)).as(url).isEqualTo("hit");
            assertThat(again.getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
            assertThat(again.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache");
            MockHttpServletResponse unchanged = mvc.perform(get(url).header(HttpHeaders.IF_NONE_MATCH, etag))
                    .andReturn().getResponse();
            assertThat(unchanged.getStatus()).as(url).isEqualTo(304);
            assertThat(unchanged.getContentAsByteArray()).isEmpty();
        }
    }

    @Test
    void anUnusableFilterIsRefusedInTheFeedsLanguageWithoutACookie() throws Exception {
        MockHttpServletResponse bad = mvc.perform(get("/programs.atom?pref=99&lang=en")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentType()).isEqualTo("application/problem+json");
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("\"parameter\":\"pref\"")
                .doesNotContain("都道府県");
        assertThat(bad.getHeader(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(mvc.perform(get("/programs.atom?pref=99")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("都道府県");
    }

    @Test
    void idsStayWhenABaseUrlIsConfiguredLater() throws Exception {
        AtomCheck.Feed before = feed(get("/programs.atom?category=gifts"));
        Object configured = ReflectionTestUtils.getField(urls, "configured");
        ReflectionTestUtils.setField(urls, "configured", "https://catalogue.example.jp");
        try {
            AtomCheck.Feed after = feed(get("/programs.atom?category=gifts"));
            assertThat(after.self()).isEqualTo("https://catalogue.example.jp/programs.atom?category=gifts");
            assertThat(after.id()).isEqualTo(before.id());
            assertThat(after.entryIds()).isEqualTo(before.entryIds());
        } finally {
            ReflectionTestUtils.setField(urls, "configured", configured);
        }
    }

    @Test
    void thePagesLinkTheFeedOfTheirFiltersAndLanguage() throws Exception {
        assertFeedLink(get("/programs?sort=kana&category=gifts&ended=include"), "/programs.atom?category=gifts&ended=include");
        assertFeedLink(get("/programs?ended=include&lang=en"), "/programs.atom?ended=include&lang=en");
        assertFeedLink(get("/programs?accepting=now").cookie(new Cookie("catalogue-lang", "en")),
                "/programs.atom?accepting=now&lang=en");
        assertFeedLink(get("/categories/sns").cookie(new Cookie("catalogue-lang", "en")),
                "/programs.atom?category=sns&lang=en");
        assertFeedLink(get("/categories/sns"), "/programs.atom?category=sns");
    }

    private void assertFeedLink(MockHttpServletRequestBuilder page, String feed) throws Exception {
        Document html = Jsoup.parse(mvc.perform(page).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(html.select("head link[rel=alternate][type=application/atom+xml]").attr("href")).isEqualTo(feed);
        if (html.selectFirst("main a[type=application/atom+xml]") != null) {
            assertThat(html.select("main a[type=application/atom+xml]").attr("href")).isEqualTo(feed);
        }
    }

    /** docs/open-data.md's example ids are the ones the application gives. */
    @Test
    void theDocumentedExampleIsTheFeedsOwn() throws Exception {
        String docs = Files.readString(Path.of("docs/open-data.md"));
        AtomCheck.Feed feed = feed(get("/programs.atom?pref=03&category=gifts&lang=en"));
        assertThat(docs).contains("`" + feed.id() + "`").contains("`" + TAG + "programs/7?lang=en`")
                .contains("`" + TAG + "programs/7`");
        assertThat(feed.entryIds()).contains(TAG + "programs/7?lang=en");
        assertThat(feed(get("/programs.atom?category=gifts&pref=03")).entryIds()).contains(TAG + "programs/7");
    }
}

package jp.tsunagari.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.system.internal.PageCache;
import jp.tsunagari.system.internal.PageCacheFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The whole-page cache, on a database of its own (it edits): a repeated request is answered from memory with the
 * same bytes, ETag and headers; a change shows at once; sessions, the language switch, errors and look-alike
 * parameters never share an entry.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:page-cache;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@Import(PageCacheTest.Clocks.class)
class PageCacheTest {

    /** 2026-12-07 23:59 in Japan. */
    static final TestClock CLOCK = new TestClock(Instant.parse("2026-12-07T14:59:00Z"));

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock pageCacheClock() {
            return CLOCK;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ProgramEditor editor;

    @Autowired
    PageCache cache;

    MockHttpServletResponse fetch(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** 受付中, 受付期間 and a group's 適用期間 are said as of today: a page stored yesterday is not served today. */
    @Test
    void aPageStoredBeforeMidnightInJapanIsNotServedAfter() throws Exception {
        try {
            CLOCK.set(Instant.parse("2026-12-07T14:59:00Z"));
            cache.invalidate();
            assertThat(fetch(get("/programs/3")).getHeader(PageCacheFilter.HIT_HEADER)).isEqualTo("miss");
            assertThat(fetch(get("/programs/3")).getHeader(PageCacheFilter.HIT_HEADER)).isEqualTo("hit");
            CLOCK.set(Instant.parse("2026-12-07T15:00:00Z"));
            assertThat(fetch(get("/programs/3")).getHeader(PageCacheFilter.HIT_HEADER)).isEqualTo("miss");
            assertThat(fetch(get("/programs/3")).getHeader(PageCacheFilter.HIT_HEADER)).isEqualTo("hit");
        } finally {
            CLOCK.set(Instant.parse("2026-12-07T14:59:00Z"));
        }
    }

    @Test
    void aRepeatedPageIsServedFromMemoryWithTheSameBytesAndHeaders() throws Exception {
        cache.invalidate();
        MockHttpServletResponse first = fetch(get("/categories/gifts"));
        MockHttpServletResponse second = fetch(get("/categories/gifts"));
        assertThat(first.getHeader(PageCacheFilter.HIT_HEADER)).isEqualTo("miss");
        assertThat(second.getHeader(PageCacheFilter.HIT_HEADER)).isEqualTo("hit");
        assertThat(second.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
        assertThat(text(second)).contains("地元産品等の贈り物");
        for (String name : new String[] {"ETag", "Content-Type", "Content-Language", "Cache-Control", "Vary",
                "X-Content-Type-Options", "X-Frame-Options"}) {
            assertThat(second.getHeader(name)).as(name).isNotNull().isEqualTo(first.getHeader(name));
        }
        assertThat(second.getHeader("Cache-Control")).isEqualTo("no-cache");
        assertThat(second.getHeader("X-Content-Type-Options")).as("security headers on a hit").isEqualTo("nosniff");

        mvc.perform(get("/categories/gifts").header("If-None-Match", first.getHeader("ETag")))
                .andExpect(status().isNotModified()).andExpect(header().string("ETag", first.getHeader("ETag")));
        mvc.perform(get("/categories/gifts").header("If-None-Match", "\"other\""))
                .andExpect(status().isOk());
    }

    @Test
    void gzipIsTheSamePageCompressed() throws Exception {
        MockHttpServletResponse plain = fetch(get("/programs?category=sns"));
        MockHttpServletResponse zipped = fetch(get("/programs?category=sns").header("Accept-Encoding", "gzip, br"));
        assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.getContentAsByteArray().length).isLessThan(plain.getContentAsByteArray().length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.getContentAsByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.getContentAsByteArray());
        }
    }

    @Test
    void aSavedChangeShowsAtOnce() throws Exception {
        assertThat(text(fetch(get("/programs/6")))).doesNotContain("キャッシュ確認用の概要");
        assertThat(fetch(get("/programs/6")).getHeader(PageCacheFilter.HIT_HEADER)).isEqualTo("hit");
        assertThat(text(fetch(get("/api/v1/programs/6")))).doesNotContain("キャッシュ確認用の概要");

        ProgramEditor.Editable yuzawa = editor.editable(6).orElseThrow();
        ProgramContent c = yuzawa.content();
        editor.save(6, yuzawa.version(), new ProgramContent(c.name(), c.nameKana(), c.nameEn(), c.categoryCode(),
                c.organizerPrefectureCode(), c.organizerMunicipalityCode(), c.startYear(), c.startMonth(),
                c.eventYear(), c.eventMonth(), c.channel(), c.lifecycle(), "キャッシュ確認用の概要", c.benefit(),
                c.officialUrl(), c.eligibilityText(), c.examplesHeading(), c.sourceDocumentId(), c.sourceSection(),
                c.sourceOrder(), c.sections(), c.metrics(), c.examples(), c.dataNotes(), c.targetGroups(), c.application(), c.schedule()), true, "test");

        assertThat(text(fetch(get("/programs/6")))).contains("キャッシュ確認用の概要");
        assertThat(text(fetch(get("/api/v1/programs/6")))).contains("キャッシュ確認用の概要");
        assertThat(text(fetch(get("/programs?q=キャッシュ確認用")))).contains("1件の施策");
    }

    @Test
    void languagesAreKeptApartAndTheSwitchItselfIsNotStored() throws Exception {
        String ja = text(fetch(get("/categories/sns")));
        String en = text(fetch(get("/categories/sns").cookie(new Cookie("catalogue-lang", "en"))));
        assertThat(ja).contains("<html lang=\"ja\"");
        assertThat(en).contains("<html lang=\"en\"");
        assertThat(text(fetch(get("/categories/sns")))).contains("<html lang=\"ja\"");

        MockHttpServletResponse switched = fetch(get("/categories/sns?lang=en"));
        assertThat(switched.getHeader(PageCacheFilter.HIT_HEADER)).isNull();
        assertThat(switched.getCookie("catalogue-lang")).isNotNull();
        assertThat(text(switched)).contains("<html lang=\"en\"");
    }

    @Test
    void signedInStaffAndErrorsAreNeverStored() throws Exception {
        MockHttpServletResponse staff = fetch(get("/categories/other").cookie(new Cookie("SESSION",
                java.util.Base64.getEncoder().encodeToString(java.util.UUID.randomUUID().toString().getBytes()))));
        assertThat(staff.getHeader(PageCacheFilter.HIT_HEADER)).isNull();
        assertThat(staff.getHeader("Cache-Control")).contains("no-store");

        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse bad = fetch(get("/programs?channel=fax"));
            assertThat(bad.getStatus()).isEqualTo(400);
            assertThat(bad.getHeader(PageCacheFilter.HIT_HEADER)).isNull();
            assertThat(fetch(get("/programs/99999")).getStatus()).isEqualTo(404);
        }
    }

    @Test
    void parametersThatLookAlikeNeverShareAnEntry() throws Exception {
        URI lookAlike = URI.create("/programs?q=LINE%26category%3Dgifts");
        String encoded = text(fetch(get(lookAlike)));
        String split = text(fetch(get("/programs?q=LINE&category=gifts")));
        assertThat(encoded).contains("value=\"LINE&amp;category=gifts\"");
        assertThat(split).contains("value=\"LINE\"");
        assertThat(text(fetch(get(lookAlike)))).isEqualTo(encoded);
    }
}

package jp.tsunagari.linkcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checker against a web site in the test JVM ({@link LocalSite}): one case per kind of answer. */
class LinkProbeTest {

    static LocalSite site;
    /** Private addresses allowed (the site is on 127.0.0.1), no pause; generous timeouts for a busy machine. */
    static final LinkProbe PROBE = new LinkProbe(
            LinkCheckSettings.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ZERO, true));

    @BeforeAll
    static void start() throws Exception {
        site = new LocalSite();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aPageThatAnswers200IsOkWithOneHeadRequestNamingTheCatalogue() throws Exception {
        assertThat(PROBE.check(site.url("/ok?plain"))).isEqualTo(new ProbeResult(LinkOutcome.OK, 200));
        assertThat(site.count("HEAD /ok?plain")).isEqualTo(1);
        assertThat(site.count("GET /ok?plain")).isZero();
        assertThat(site.hits).filteredOn(h -> h.request().equals("HEAD /ok?plain"))
                .allSatisfy(h -> assertThat(h.userAgent()).startsWith("TsunagariCatalogue-LinkCheck/"));
    }

    @Test
    void aMissingPageIsBrokenWith404AndNotAskedAgainWithGet() throws Exception {
        assertThat(PROBE.check(site.url("/missing"))).isEqualTo(new ProbeResult(LinkOutcome.BROKEN, 404));
        assertThat(site.count("GET /missing")).isZero();
    }

    @Test
    void aServerErrorIsBrokenWithItsStatusAfterGetToo() throws Exception {
        assertThat(PROBE.check(site.url("/server-error"))).isEqualTo(new ProbeResult(LinkOutcome.BROKEN, 500));
        assertThat(site.count("GET /server-error")).isEqualTo(1);
    }

    @Test
    void redirectsThatComeBackAreALoop() throws Exception {
        assertThat(PROBE.check(site.url("/loop-a"))).isEqualTo(new ProbeResult(LinkOutcome.REDIRECT_LOOP, 301));
        assertThat(site.count("HEAD /loop-a")).isEqualTo(1);
    }

    @Test
    void aRelativeRedirectToAPageIsFollowed() throws Exception {
        assertThat(PROBE.check(site.url("/moved"))).isEqualTo(new ProbeResult(LinkOutcome.OK, 200));
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        LinkProbe impatient = new LinkProbe(
                LinkCheckSettings.of(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ZERO, true));
        long started = System.nanoTime();
        assertThat(impatient.check(site.url("/silent"))).isEqualTo(new ProbeResult(LinkOutcome.TIMEOUT, null));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void headRefusedWith405IsAskedAgainWithGet() throws Exception {
        assertThat(PROBE.check(site.url("/no-head"))).isEqualTo(new ProbeResult(LinkOutcome.OK, 200));
        assertThat(site.count("HEAD /no-head")).isEqualTo(1);
        assertThat(site.count("GET /no-head")).isEqualTo(1);
    }

    @Test
    void aGetDoesNotReadTheBody() throws Exception {
        long started = System.nanoTime();
        assertThat(PROBE.check(site.url("/endless"))).isEqualTo(new ProbeResult(LinkOutcome.OK, 200));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void onlyHttpAndHttpsAddressesWithAHostAreRequested() throws Exception {
        for (String url : new String[] {"javascript:alert(1)", "ftp://127.0.0.1/", "file:///etc/passwd", "/relative",
                "http://", "not a url", "http://user:pw@127.0.0.1/"}) {
            assertThat(PROBE.check(url)).as(url).isEqualTo(new ProbeResult(LinkOutcome.INVALID, null));
        }
    }

    @Test
    void privateAndLoopbackAddressesAreRefusedUnlessAllowed() throws Exception {
        LinkProbe guarded = new LinkProbe(
                LinkCheckSettings.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ZERO, false));
        int before = site.hits.size();
        assertThat(guarded.check(site.url("/ok"))).isEqualTo(new ProbeResult(LinkOutcome.PRIVATE_ADDRESS, null));
        for (String url : new String[] {"http://10.1.2.3/", "http://192.168.0.1/", "http://172.16.0.1/",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fd00::1]/", "http://0.0.0.0/",
                "http://100.64.0.1/"}) {
            assertThat(guarded.check(url)).as(url).isEqualTo(new ProbeResult(LinkOutcome.PRIVATE_ADDRESS, null));
        }
        assertThat(site.hits.size()).isEqualTo(before);
    }

    @Test
    void requestsToOneHostArePaused() throws Exception {
        LinkProbe polite = new LinkProbe(
                LinkCheckSettings.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(400), true));
        long started = System.nanoTime();
        polite.check(site.url("/ok?first"));
        polite.check(site.url("/ok?second"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        long gap = hit("HEAD /ok?second").nanos() - hit("HEAD /ok?first").nanos();
        assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    static LocalSite.Hit hit(String request) {
        return site.hits.stream().filter(h -> h.request().equals(request)).findFirst().orElseThrow();
    }

    @Test
    void addressesAreReadAsTheyAreRequested() {
        assertThat(LinkProbe.parse("https://例え.jp/施策?q=a%26b#top")).map(Object::toString)
                .hasValue("https://xn--r8jz45g.jp/%E6%96%BD%E7%AD%96?q=a%26b");
        assertThat(LinkProbe.parse(" https://www.city.morioka.iwate.jp/ ")).map(Object::toString)
                .hasValue("https://www.city.morioka.iwate.jp/");
    }
}

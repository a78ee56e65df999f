package jp.tsunagari.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link AtomCheck} passes a minimal valid feed and fails each broken variant of it: the check can fail. */
class AtomCheckTest {

    static final String ENTRY = "<entry><id>tag:example.jp,2026:programs/1</id><title>A</title>"
            + "<updated>2026-12-01T00:00:00Z</updated><link rel='alternate' type='text/html' href='http://h/programs/1'/>"
            + "</entry>";
    static final String VALID = "<feed xmlns='http://www.w3.org/2005/Atom' xml:lang='ja'>"
            + "<id>tag:example.jp,2026:programs.atom</id><title>T</title><updated>2026-12-01T00:00:00Z</updated>"
            + "<link rel='self' href='http://h/programs.atom'/><link rel='alternate' type='text/html' href='http://h/programs'/>"
            + "<author><name>事務局</name></author>" + ENTRY + "</feed>";

    static AtomCheck.Feed check(String xml) throws Exception {
        return AtomCheck.check(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMinimalFeedPasses() throws Exception {
        AtomCheck.Feed feed = check(VALID);
        assertThat(feed.id()).isEqualTo("tag:example.jp,2026:programs.atom");
        assertThat(feed.self()).isEqualTo("http://h/programs.atom");
        assertThat(feed.entryIds()).containsExactly("tag:example.jp,2026:programs/1");
    }

    @Test
    void eachBrokenVariantFails() {
        String[] broken = {
            VALID.replace("<title>T</title>", "<title>T</title><title>U</title>"),
            VALID.replace("<updated>2026-12-01T00:00:00Z</updated><link rel='self'", "<link rel='self'"),
            VALID.replace("<link rel='self' href='http://h/programs.atom'/>", ""),
            VALID.replace("<author><name>事務局</name></author>", ""),
            VALID.replace(ENTRY, ENTRY + ENTRY),
            VALID.replace("<title>A</title>", ""),
            VALID.replace("2026-12-01T00:00:00Z</updated><link rel='alternate' type='text/html' href='http://h/programs/1'",
                    "2026-12-01 00:00</updated><link rel='alternate' type='text/html' href='http://h/programs/1'"),
            VALID.replace("<id>tag:example.jp,2026:programs.atom</id>", "<id>programs.atom</id>"),
            VALID.replace("xmlns='http://www.w3.org/2005/Atom'", "xmlns='http://purl.org/atom/ns#'"),
            "<!DOCTYPE feed [<!ENTITY x 'y'>]>" + VALID,
        };
        for (String xml : broken) {
            assertThatThrownBy(() -> check(xml)).as(xml).isInstanceOfAny(AssertionError.class, Exception.class);
        }
    }
}

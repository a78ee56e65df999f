package jp.tsunagari.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The feeds' {@code tag:} ids (RFC 4151): built from the configured authority and date only, refused when unusable. */
class FeedIdsTest {

    @Test
    void anIdIsTheAuthorityTheDateAndThePath() {
        assertThat(new FeedIds("tsunagari.example.jp", "2026").of("/programs/7"))
                .isEqualTo("tag:tsunagari.example.jp,2026:programs/7");
        assertThat(new FeedIds(" Catalogue.Example.JP ", "2027-04-01").of("/programs.atom?category=gifts&lang=en"))
                .isEqualTo("tag:catalogue.example.jp,2027-04-01:programs.atom?category=gifts&lang=en");
        assertThat(new FeedIds("office@pref.example.jp", "2026-12").of("/programs.atom"))
                .isEqualTo("tag:office@pref.example.jp,2026-12:programs.atom");
    }

    @Test
    void anUnusableAuthorityOrDateStopsTheStartWithTheSettingsName() {
        for (String authority : new String[] {"", "localhost", "https://example.jp", "example.jp:8080", "a b.jp"}) {
            assertThatThrownBy(() -> new FeedIds(authority, "2026")).as(authority)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("catalogue.feed.tag-authority");
        }
        for (String date : new String[] {"", "26", "2026-13", "2026-02-30", "2026/12/01", "2026-1-01"}) {
            assertThatThrownBy(() -> new FeedIds("example.jp", date)).as(date)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("catalogue.feed.tag-date");
        }
        assertThatThrownBy(() -> new FeedIds("example.jp", "2026").of("programs"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

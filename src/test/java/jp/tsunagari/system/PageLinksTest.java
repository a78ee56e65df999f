package jp.tsunagari.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageLinksTest {

    @Test
    void otherPagesKeepTheFilledParametersEncodedAndLeaveTheFirstPageUnnumbered() {
        PageLinks links = PageLinks.of("/admin", "q", "エール便 & 盛岡", "category", "", "pref", null, "sort", "NAME");
        assertThat(links.page(1)).isEqualTo("/admin?q=%E3%82%A8%E3%83%BC%E3%83%AB%E4%BE%BF%20%26%20%E7%9B%9B%E5%B2%A1&sort=NAME");
        assertThat(links.page(3)).endsWith("&sort=NAME&page=3");
        assertThat(PageLinks.of("/admin/links").page(2)).isEqualTo("/admin/links?page=2");
    }
}

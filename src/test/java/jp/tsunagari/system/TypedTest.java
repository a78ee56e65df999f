package jp.tsunagari.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypedTest {

    @Test
    void cleanStripsSpaceAndStoresLineBreaksAsLineFeeds() {
        assertThat(Typed.clean(" \u3000県外の学生\r\n保護者\r※注記\n ")).isEqualTo("県外の学生\n保護者\n※注記");
        assertThat(Typed.clean(null)).isEmpty();
        assertThat(Typed.clean("\r\n")).isEmpty();
    }
}

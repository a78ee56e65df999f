package jp.tsunagari.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Japanese and English messages have the same keys, and every key a template names exists. */
class MessagesTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> ja = load("messages.properties").stringPropertyNames();
        Set<String> en = load("messages_en.properties").stringPropertyNames();
        assertThat(new TreeSet<>(en)).as("keys in Japanese but not in English")
                .containsAll(ja);
        assertThat(new TreeSet<>(ja)).as("keys in English but not in Japanese").containsAll(en);
        assertThat(ja).hasSizeGreaterThan(100);
    }

    @Test
    void everyStaticKeyUsedInTemplatesExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Pattern use = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)(\\(|})");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            files.filter(f -> f.toString().endsWith(".html")).forEach(f -> {
                try {
                    Matcher m = use.matcher(Files.readString(f));
                    while (m.find()) {
                        if (!keys.contains(m.group(1))) {
                            missing.add(f.getFileName() + ": " + m.group(1));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void enumBasedKeysExistForEveryValue() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        for (var c : jp.tsunagari.catalogue.Channel.values()) {
            assertThat(keys).contains("channel." + c.name());
        }
        for (var l : jp.tsunagari.catalogue.Lifecycle.values()) {
            assertThat(keys).contains("lifecycle." + l.name());
        }
        for (var a : jp.tsunagari.eligibility.Audience.values()) {
            assertThat(keys).contains("audience." + a.code());
        }
        for (var s : jp.tsunagari.eligibility.SchoolType.values()) {
            assertThat(keys).contains("eligibility.school." + s.code());
        }
        for (var t : jp.tsunagari.eligibility.CriterionType.values()) {
            if (t != jp.tsunagari.eligibility.CriterionType.RESIDENCE) {
                assertThat(keys).contains("eligibility.aspect." + t.name());
            }
        }
        for (var s : jp.tsunagari.catalogue.ProgramSort.values()) {
            assertThat(keys).contains("programs.sort." + s.code());
        }
    }
}

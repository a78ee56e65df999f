package jp.tsunagari.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.standard.serializer.IStandardJavaScriptSerializer;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Values inlined into scripts ({@code th:inline="javascript"}, e.g. the JSON-LD block of program pages) are written
 * as strict JSON that cannot leave the {@code <script>} element: {@code <}, {@code >}, {@code &} and {@code '} become
 * {@code \u003c} etc., so neither {@code </script>} nor {@code <!--<script>} reaches the HTML parser.
 * <p>
 * Thymeleaf's own serializer is not enough: it uses Jackson 2 only if that happens to be on the classpath (here only
 * through Flyway) and otherwise writes JavaScript, not JSON ({@code \'}); with Jackson 2 it leaves {@code <} as is.
 * This replaces the engine's Spring standard dialect (a static instance shared by every engine, so it is not
 * modified in place) with one that uses Jackson 3, keeping the settings Spring Boot gave it.
 */
@Configuration(proxyBeanMethods = false)
class JsonInlining {

    @Bean
    static BeanPostProcessor jsonInliningDialect() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SpringTemplateEngine engine) {
                    Set<IDialect> dialects = new LinkedHashSet<>();
                    for (IDialect dialect : engine.getDialects()) {
                        dialects.add(dialect instanceof SpringStandardDialect standard ? withJson(standard) : dialect);
                    }
                    engine.setDialects(dialects);
                }
                return bean;
            }
        };
    }

    static SpringStandardDialect withJson(SpringStandardDialect original) {
        SpringStandardDialect dialect = new SpringStandardDialect();
        dialect.setEnableSpringELCompiler(original.getEnableSpringELCompiler());
        dialect.setRenderHiddenMarkersBeforeCheckboxes(original.getRenderHiddenMarkersBeforeCheckboxes());
        dialect.setJavaScriptSerializer(new HtmlSafeJson());
        return dialect;
    }

    /** Strict JSON (Jackson 3) with the characters that mean something to HTML written as Unicode escapes. */
    static final class HtmlSafeJson implements IStandardJavaScriptSerializer {

        private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder().characterEscapes(new Escapes()).build())
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

        @Override
        public void serializeValue(Object value, Writer writer) {
            try {
                writer.write(mapper.writeValueAsString(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Escapes extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        Escapes() {
            for (char c : new char[] {'<', '>', '&', '\''}) {
                ascii[c] = ESCAPE_CUSTOM;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case '<', '>', '&', '\'', '\u2028', '\u2029' -> new SerializedString(String.format("\\u%04x", ch));
                default -> null;
            };
        }
    }
}

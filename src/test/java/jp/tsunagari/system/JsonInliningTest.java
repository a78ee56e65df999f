package jp.tsunagari.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import tools.jackson.databind.json.JsonMapper;

/** Inlined script values are strict JSON in which nothing can end or re-open a script element. */
class JsonInliningTest {

    static final String HOSTILE = "</script><!--<script>\"x\" 'y' & a>b \\ \u2028\u2029 日本語";

    @Test
    void theSerializerWritesJsonWithoutHtmlSpecialCharacters() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", HOSTILE);
        value.put("list", List.of("a", 1, true));
        StringWriter out = new StringWriter();
        new JsonInlining.HtmlSafeJson().serializeValue(value, out);
        String json = out.toString();
        assertThat(json).doesNotContain("<", ">", "&", "'", "\u2028", "\u2029").contains("\\u003c/script\\u003e")
                .contains("日本語");
        assertThat(JsonMapper.shared().readValue(json, Map.class)).isEqualTo(value);
    }

    @Test
    void anEngineProcessedByTheConfigurationInlinesThroughIt() throws Exception {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setEnableSpringELCompiler(true);
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        JsonInlining.jsonInliningDialect().postProcessAfterInitialization(engine, "templateEngine");

        assertThat(engine.getDialects()).singleElement().isInstanceOfSatisfying(SpringStandardDialect.class,
                d -> assertThat(d.getEnableSpringELCompiler()).isTrue());
        Context context = new Context();
        context.setVariable("data", Map.of("name", HOSTILE));
        String html = ((TemplateEngine) engine).process(
                "<script type=\"application/ld+json\" th:inline=\"javascript\">/*[[${data}]]*/ {}</script>", context);
        String json = html.substring(html.indexOf('>') + 1, html.lastIndexOf("</script>"));
        assertThat(json).doesNotContain("<");
        assertThat(JsonMapper.shared().readTree(json).get("name").asString()).isEqualTo(HOSTILE);
    }
}

package jp.tsunagari.system;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;

/**
 * The error page for requests that never reach Spring MVC (a request line Tomcat cannot parse, a URL the firewall
 * refuses): a small HTML page with the same heading and message as the site's error pages, in Japanese and English,
 * from the message files. No exception text, no server name. Also the answer {@code system.internal.ConcurrencyLimitFilter}
 * writes itself when it turns a request away (no error dispatch, no template: a refusal must cost next to nothing).
 */
public final class PlainErrorPage {

    private static final Properties JA = load("messages.properties");
    private static final Properties EN = load("messages_en.properties");

    private PlainErrorPage() {
    }

    /** Which of the site's error messages fits a status: 404, 405, 413, 503 (busy), 500, otherwise 400. */
    static String kind(int status) {
        return status == 503 ? "503" : status >= 500 ? "500" : status == 403 || status == 404 || status == 405 || status == 413 ? Integer.toString(status) : "400";
    }

    public static String html(int status) {
        String kind = kind(status);
        String title = text(JA, "error." + kind + ".title");
        return "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " | " + text(JA, "site.name") + "</title></head><body><main id=\"main\">"
                + "<h1>" + title + "</h1><p>" + text(JA, "error." + kind + ".body") + "</p>"
                + "<div lang=\"en\"><h2>" + text(EN, "error." + kind + ".title") + "</h2><p>"
                + text(EN, "error." + kind + ".body") + "</p></div>"
                + "<p><a href=\"/\">" + text(JA, "error.home") + "</a> / <a href=\"/?lang=en\" lang=\"en\">"
                + text(EN, "error.home") + "</a></p></main></body></html>\n";
    }

    /** The JSON variant, as the error controller writes it for the API: status, title and detail in one language. */
    public static String json(int status, boolean english) {
        String kind = kind(status);
        return json(status, "error." + kind + ".title", "error." + kind + ".body", english);
    }

    /** The same with the title and detail of the given message keys. */
    public static String json(int status, String titleKey, String detailKey, boolean english) {
        Properties messages = english ? EN : JA;
        return "{\"status\":" + status + ",\"title\":\"" + jsonText(messages, titleKey)
                + "\",\"detail\":\"" + jsonText(messages, detailKey) + "\"}";
    }

    private static String jsonText(Properties messages, String key) {
        return messages.getProperty(key, JA.getProperty(key, "")).replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String text(Properties messages, String key) {
        return HtmlUtils.htmlEscape(messages.getProperty(key, JA.getProperty(key, "")));
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

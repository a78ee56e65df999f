package jp.tsunagari.system;

import java.util.Map;

/**
 * What a public page adds to the layout's {@code <head>} when the controller puts it in the model as
 * {@code headMeta}: the canonical URL (absolute, without {@code ?lang=}), OpenGraph title and description, and
 * optionally a schema.org JSON-LD object. Pages without it (admin, errors, previews) get none of these.
 *
 * @param canonicalUrl absolute URL, also {@code og:url}
 * @param title        {@code og:title}; the site name when null
 * @param description  {@code og:description}; omitted when null
 * @param linkedData   JSON-LD as maps, lists and strings, serialised by Thymeleaf's JavaScript inlining; or null
 */
public record HeadMeta(String canonicalUrl, String title, String description, Map<String, Object> linkedData) {

    public static HeadMeta of(String canonicalUrl, String title, String description) {
        return new HeadMeta(canonicalUrl, title, description, null);
    }

    public HeadMeta withLinkedData(Map<String, Object> data) {
        return new HeadMeta(canonicalUrl, title, description, data);
    }
}

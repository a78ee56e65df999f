package jp.tsunagari.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Documents whose language is in their URL alone: the Atom feed ({@code /programs.atom}). There {@code ?lang=en}
 * chooses English for this request only — no language cookie is set, so the answer can be stored by the page cache
 * like the Japanese one — and without it (or with any other value) the document is Japanese, whatever the visitor's
 * cookie says. A feed's URL is then its identity: one URL, one language (docs/open-data.md, "Atom feeds").
 */
public final class UrlLanguage {

    private static final Set<String> PATHS = Set.of("/programs.atom");

    private UrlLanguage() {
    }

    /** Whether the request is for such a document. */
    public static boolean applies(HttpServletRequest request) {
        return PATHS.contains(request.getRequestURI());
    }
}

package jp.tsunagari.system;

import jakarta.servlet.ServletRequest;

/**
 * Keeps one answer of a public page out of the whole-page cache ({@code system.internal.PageCacheFilter}): the next
 * identical request reaches the controller again. For answers whose every request must be seen — a search that found
 * nothing is counted each time (module {@code needs}). Other answers of the same page are cached as before.
 */
public final class NotCached {

    private static final String ATTRIBUTE = NotCached.class.getName();

    private NotCached() {
    }

    /** This request's answer is not to be stored. */
    public static void mark(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    public static boolean isMarked(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) != null;
    }
}

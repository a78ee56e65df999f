package jp.tsunagari.search;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.lucene.index.CorruptIndexException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page whose search met an index that cannot answer: 503 with {@code Retry-After} and a page saying search is being
 * rebuilt — never a stack trace, never results from files known to be damaged. A read that failed on the files themselves
 * ({@code InternalError} from a truncated memory-mapped file, a corrupt file) has the index rebuilt. Ordered after the
 * JSON API's own advice, before the site's generic error pages.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class IndexErrors {

    /** A provider: controller slice tests (@WebMvcTest) load advice without the index. */
    private final ObjectProvider<IndexUpkeep> upkeep;

    IndexErrors(ObjectProvider<IndexUpkeep> upkeep) {
        this.upkeep = upkeep;
    }

    @ExceptionHandler({IndexUnavailable.class, InternalError.class, CorruptIndexException.class})
    String unavailable(Throwable e, HttpServletRequest request, HttpServletResponse response) {
        Throwable cause = e instanceof jakarta.servlet.ServletException && e.getCause() != null ? e.getCause() : e;
        if (!(cause instanceof IndexUnavailable)) {
            upkeep.ifAvailable(u -> u.unreadable(cause)); // an Error reaches here wrapped ("Handler dispatch failed")
        }
        request.removeAttribute(org.springframework.web.servlet.View.SELECTED_CONTENT_TYPE);
        request.removeAttribute(org.springframework.web.servlet.HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "30");
        return "error/search-unavailable";
    }
}

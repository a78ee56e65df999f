package jp.tsunagari.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** Model values every page's layout needs: the link to the same page in the other language. */
@ControllerAdvice
class LayoutModel {

    @ModelAttribute("langSwitchUrl")
    String langSwitchUrl(HttpServletRequest request, Locale locale) {
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String path = forwarded instanceof String s ? s : request.getRequestURI();
        String query = forwarded instanceof String ? (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING)
                : request.getQueryString();
        String other = "en".equals(locale.getLanguage()) ? "ja" : "en";
        try {
            return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", other)
                    .build(true).toUriString();
        } catch (IllegalArgumentException malformed) {
            return UriComponentsBuilder.fromPath("/").queryParam("lang", other).toUriString();
        }
    }
}

package jp.tsunagari.opendata;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * RFC 9457 problem details for the API: a type URI per kind of problem, a title and detail in the request's language
 * (Japanese unless {@code lang=en}), and for invalid parameters the list of {@code errors} (parameter, value, message).
 */
@Component
class ApiProblem {

    static final String TYPE_BASE = "https://tsunagari.example.jp/problems/";

    /** One unusable parameter or field ({@code value} left out when there is none). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record FieldError(String parameter, String value, String message) {
    }

    private final MessageSource messages;

    ApiProblem(MessageSource messages) {
        this.messages = messages;
    }

    String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }

    ResponseEntity<ProblemDetail> of(HttpStatus status, String kind, String detailKey, List<FieldError> errors,
                                     Object... detailArgs) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + kind));
        problem.setTitle(message("api.problem." + kind));
        problem.setDetail(message(detailKey, detailArgs));
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    ResponseEntity<ProblemDetail> invalid(List<FieldError> errors) {
        return of(HttpStatus.BAD_REQUEST, "invalid-parameters", "api.problem.invalid-parameters.detail", errors);
    }

    ResponseEntity<ProblemDetail> notFound() {
        return of(HttpStatus.NOT_FOUND, "not-found", "api.problem.not-found.detail", null);
    }
}

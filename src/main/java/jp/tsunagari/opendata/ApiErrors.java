package jp.tsunagari.opendata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every failure of an API controller as problem+json with a 4xx status (or a plain 500 problem, logged). */
@RestControllerAdvice(assignableTypes = {ProgramsApi.class, ReferenceApi.class, EligibilityApi.class, ProgramsExport.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final ApiProblem problems;

    /** Made here (not injected) so that web slice tests, which load every advice, need nothing else. */
    ApiErrors(org.springframework.context.MessageSource messages) {
        this.problems = new ApiProblem(messages);
    }

    @ExceptionHandler(jp.tsunagari.system.NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound() {
        return problems.notFound();
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return problems.invalid(java.util.List.of(new ApiProblem.FieldError(name, null,
                problems.message("api.error.parameter"))));
    }

    /** A parameter name the firewall refuses (e.g. a blank name): an unusable parameter, not a server error. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected() {
        return problems.of(HttpStatus.BAD_REQUEST, "invalid-parameters", "api.problem.invalid-parameters.detail", null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable() {
        return problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "api.problem.unreadable-body.detail", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType() {
        return problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "api.problem.unsupported-media-type.detail", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method() {
        return problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "api.problem.method-not-allowed.detail",
                null);
    }

    /** A failure of the database layer goes to the outage filter (503 problem while the database is unreachable). */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (jp.tsunagari.system.DatabaseFaults.fromTheDatabase(e)) {
            throw e;
        }
        log.error("Unexpected API error", e);
        return problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "api.problem.internal-error.detail", null);
    }
}

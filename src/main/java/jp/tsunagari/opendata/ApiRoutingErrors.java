package jp.tsunagari.opendata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests under /api that no API handler takes, answered as problem+json instead of the site's HTML error pages:
 * an unknown path (404), a method the path does not take (405, with Allow), a body that is not JSON (415) or an
 * Accept header without JSON (406). They fail before a controller is chosen, so {@link ApiErrors} never sees them.
 */
final class ApiRoutingErrors implements HandlerExceptionResolver {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiProblem problems;

    ApiRoutingErrors(ApiProblem problems) {
        this.problems = problems;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return null;
        }
        HttpHeaders headers = new HttpHeaders();
        ResponseEntity<ProblemDetail> problem;
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            problem = problems.notFound();
        } else if (ex instanceof HttpRequestMethodNotSupportedException e) {
            problem = problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    "api.problem.method-not-allowed.detail", null);
            if (e.getSupportedHttpMethods() != null) {
                headers.setAllow(e.getSupportedHttpMethods());
            }
        } else if (ex instanceof HttpMediaTypeNotSupportedException e) {
            problem = problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "api.problem.unsupported-media-type.detail", null);
            if (!e.getSupportedMediaTypes().isEmpty()) {
                headers.setAccept(e.getSupportedMediaTypes());
            }
        } else if (ex instanceof HttpMediaTypeNotAcceptableException) {
            problem = problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "api.problem.not-acceptable.detail", null);
        } else {
            return null;
        }
        ProblemDetail detail = problem.getBody();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", detail.getType().toString());
        body.put("title", detail.getTitle());
        body.put("status", detail.getStatus());
        body.put("detail", detail.getDetail());
        body.put("instance", path);
        try {
            response.resetBuffer();
            response.setStatus(detail.getStatus());
            headers.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelAndView();
    }
}

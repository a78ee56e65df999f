package jp.tsunagari.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One place that turns failures into pages in the site layout: 404 for unknown entries, 400 for malformed
 * requests, and a plain 500 page for anything unexpected. No page shows exception text or a stack trace.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    /** Absent in web slices of tests: the database then counts as reachable. */
    private final org.springframework.beans.factory.ObjectProvider<jp.tsunagari.system.internal.DatabaseCircuit> database;

    ErrorPages(org.springframework.beans.factory.ObjectProvider<jp.tsunagari.system.internal.DatabaseCircuit> database) {
        this.database = database;
    }

    private boolean outage(Exception e) {
        var circuit = database.getIfAvailable();
        return circuit != null ? circuit.outage(e) : DatabaseFaults.unavailable(e);
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class, NoHandlerFoundException.class})
    String notFound(HttpServletRequest request, HttpServletResponse response) {
        asHtml(request);
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "error/404";
    }

    /**
     * Requests no page of ours sends: parameters of the wrong type or shape (list indexes out of range, checkbox values
     * that are not booleans), unreadable bodies, broken multipart, names the firewall refuses. Logged at DEBUG only:
     * they are the client's mistake, not ours.
     */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, ServletRequestBindingException.class,
            BindException.class, InvalidPropertyException.class, HttpMessageNotReadableException.class,
            MultipartException.class, MissingServletRequestPartException.class, RequestRejectedException.class,
            org.springframework.web.bind.MethodArgumentNotValidException.class})
    String badRequest(Exception e, HttpServletRequest request, HttpServletResponse response) {
        asHtml(request);
        log.debug("Bad request: {}", e.toString());
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "error/400";
    }

    /** A body type the handler does not read (415) or an Accept header that allows nothing it writes (406). */
    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    String mediaType(Exception e, HttpServletRequest request, HttpServletResponse response) {
        asHtml(request);
        response.setStatus(e instanceof HttpMediaTypeNotSupportedException
                ? HttpStatus.UNSUPPORTED_MEDIA_TYPE.value() : HttpStatus.NOT_ACCEPTABLE.value());
        return "error/400";
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, HttpServletResponse response) {
        asHtml(request);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        return "error/413";
    }

    /** A signed-in person asking for what their role may not do (e.g. an organization editor publishing): 403. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    String forbidden(HttpServletRequest request, HttpServletResponse response) {
        asHtml(request);
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "error/403";
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    String methodNotAllowed(HttpServletRequest request, HttpServletResponse response) {
        asHtml(request);
        response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
        return "error/405";
    }

    /** An error page is HTML whatever type the handler would have produced (e.g. for a URL ending in .json). */
    private static void asHtml(HttpServletRequest request) {
        request.removeAttribute(org.springframework.web.servlet.View.SELECTED_CONTENT_TYPE);
        request.removeAttribute(org.springframework.web.servlet.HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
    }

    /**
     * A database that cannot be reached is not ours to answer: the outage filter gives 503 and keeps what was typed
     * (a failure from the database layer that does not say why counts when the database does not answer now).
     */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (outage(e)) {
            throw e;
        }
        asHtml(request);
        log.error("Unexpected error", e);
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        return "error/500";
    }
}

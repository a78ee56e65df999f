package jp.tsunagari.web;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** The Nu HTML Checker (v.Nu, the W3C's HTML validator) run in-process: returns its errors, ignores warnings. */
public final class HtmlChecker {

    private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

    /** Collects errors of the document being checked; the validator and its schema are built once. */
    private static final class Collector implements ErrorHandler {
        List<String> errors = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }

    private static final Collector COLLECTOR = new Collector();
    private static SimpleDocumentValidator validator;

    private HtmlChecker() {
    }

    public static synchronized List<String> errors(String html) {
        COLLECTOR.errors = new ArrayList<>();
        try {
            if (validator == null) {
                validator = new SimpleDocumentValidator();
                validator.setUpMainSchema(SCHEMA, COLLECTOR);
            }
            validator.setUpValidatorAndParsers(COLLECTOR, true, false);
            validator.checkHtmlInputSource(new InputSource(new StringReader(html)));
        } catch (Exception e) {
            throw new IllegalStateException("The HTML checker could not run", e);
        }
        return COLLECTOR.errors;
    }
}

package jp.tsunagari.compare;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.tsunagari.catalogue.CompareSelection;
import jp.tsunagari.catalogue.Comparison;
import jp.tsunagari.catalogue.Comparisons;
import jp.tsunagari.opendata.Csv;
import jp.tsunagari.system.PublicUrls;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /compare?id=…&id=…}: two to four published programs side by side, and {@code /compare.csv} with the same
 * table (a bad request for the file: 400 with an RFC 9457 problem). The selection is the URL alone. Values that are not ids, or ids beyond the fourth, answer 400 with the page
 * naming them (the rest still compared); ids of no published program are named on a 200 page.
 */
@Controller
class CompareController {

    private final Comparisons comparisons;
    private final MessageSource messages;
    private final PublicUrls urls;

    CompareController(Comparisons comparisons, MessageSource messages, PublicUrls urls) {
        this.comparisons = comparisons;
        this.messages = messages;
        this.urls = urls;
    }

    /** The page's links for the programs actually shown. */
    public record Links(CompareSelection shown) {
        public String without(long id) {
            return shown.without(id).compareUrl();
        }

        /** The list with this selection kept, to add more. */
        public String list() {
            return shown.carriedBy("/programs");
        }

        public String csv() {
            return shown.compareUrl().replaceFirst("^/compare", "/compare.csv");
        }
    }

    @GetMapping("/compare")
    String compare(@RequestParam(name = "id", required = false) List<String> id, Model model,
                   HttpServletResponse response, Locale locale) {
        CompareRequest request = CompareRequest.parse(id);
        if (request.hasProblems()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        Comparison comparison = comparisons.compare(request.ids(), locale);
        List<String> shown = comparison.columns().stream().map(c -> String.valueOf(c.id())).toList();
        model.addAttribute("compareRequest", request);
        model.addAttribute("comparison", comparison);
        model.addAttribute("today", comparisons.today());
        model.addAttribute("links", new Links(CompareSelection.of(shown)));
        model.addAttribute("max", CompareSelection.MAX);
        return "compare/compare";
    }

    @GetMapping("/compare.csv")
    ResponseEntity<ProblemDetail> csv(@RequestParam(name = "id", required = false) List<String> id,
                               HttpServletResponse response, Locale locale) throws IOException {
        CompareRequest request = CompareRequest.parse(id);
        Comparison comparison = request.hasProblems() ? null : comparisons.compare(request.ids(), locale);
        if (comparison == null || comparison.columns().isEmpty()) {
            String message = comparison == null ? msg("compare.csv.invalid", locale, CompareSelection.MAX)
                    : msg("compare.csv.none", locale);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
            problem.setTitle(msg("compare.problem.heading", locale));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        response.setContentType("text/csv; charset=UTF-8; header=present");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("tsunagari-compare.csv").build().toString());
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (Csv.Out out = new Csv.Out(writer, true)) {
            List<String> header = new ArrayList<>();
            header.add(msg("compare.csv.fact", locale));
            comparison.columns().forEach(c -> header.add(c.name()));
            header.add(msg("compare.csv.same", locale));
            out.row(header);
            List<String> pages = new ArrayList<>();
            pages.add(msg("compare.csv.page", locale));
            comparison.columns().forEach(c -> pages.add(urls.absolute("/programs/" + c.id())));
            pages.add("");
            out.row(pages);
            for (Comparison.Row row : comparison.rows()) {
                List<String> cells = new ArrayList<>();
                cells.add(msg(row.messageKey(), locale));
                row.cells().forEach(lines -> cells.add(String.join("\n", lines)));
                cells.add(row.same() ? msg("compare.csv.yes", locale) : "");
                out.row(cells);
            }
        }
        writer.flush();
        return null;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}

package jp.tsunagari.opendata;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import jp.tsunagari.catalogue.ProgramValueReader;
import jp.tsunagari.catalogue.SourceDocument;
import jp.tsunagari.search.Discovery;
import jp.tsunagari.search.DiscoveryFilters;
import jp.tsunagari.system.PublicUrls;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /programs.csv} and {@code /programs.json}: every program matching the /programs filters (all pages, in the
 * list's order), streamed. {@code bom=true} adds a byte order mark so that Excel reads the CSV as UTF-8.
 */
@Controller
class ProgramsExport {

    private final Discovery discovery;
    private final ProgramValueReader data;
    private final ApiMapper mapper;
    private final ApiProblem problems;
    private final PublicUrls links;
    private final JsonMapper json;
    private final Clock clock;
    private final ProgramTableNames tableNames;

    private final jp.tsunagari.catalogue.Freshness freshness;

    ProgramsExport(Discovery discovery, ProgramValueReader data, ProgramTableNames tableNames, ApiMapper mapper,
                   ApiProblem problems, PublicUrls links, JsonMapper json, Clock clock,
                   jp.tsunagari.catalogue.Freshness freshness) {
        this.freshness = freshness;
        this.discovery = discovery;
        this.data = data;
        this.tableNames = tableNames;
        this.mapper = mapper;
        this.problems = problems;
        this.links = links;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/programs.csv")
    ResponseEntity<ProblemDetail> csv(@ModelAttribute DiscoveryFilters.Form form,
                                      @RequestParam(required = false) String bom, HttpServletResponse response)
            throws IOException {
        Discovery.Found found = discovery.all(form);
        if (!found.problems().isEmpty()) {
            return invalid(found);
        }
        ProgramTable.Names names = tableNames.names();
        response.setContentType("text/csv; charset=UTF-8; header=present");
        attachment(response, "csv");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (Csv.Out out = new Csv.Out(writer, "true".equals(bom) || "1".equals(bom))) {
            out.row(ProgramTable.headers());
            java.time.LocalDate today = freshness.today();
            data.eachPublished(found.ids(), e -> out.row(ProgramTable.row(e, links.absolute("/programs/" + e.id()), names,
                    freshness.state(e.assuredOn(), today))));
        }
        writer.flush();
        return null;
    }

    @GetMapping("/programs.json")
    ResponseEntity<ProblemDetail> json(@ModelAttribute DiscoveryFilters.Form form, HttpServletResponse response)
            throws IOException {
        Discovery.Found found = discovery.all(form);
        if (!found.problems().isEmpty()) {
            return invalid(found);
        }
        Map<Integer, SourceDocument> sources = data.sources();
        response.setContentType("application/json");
        attachment(response, "json");
        try (SequenceWriter out = json.writer().writeValuesAsArray(response.getOutputStream())) {
            data.eachPublished(found.ids(), e -> out.write(mapper.detail(e, sources)));
        }
        return null;
    }

    private ResponseEntity<ProblemDetail> invalid(Discovery.Found found) {
        return problems.invalid(found.problems().stream().map(p -> new ApiProblem.FieldError(p.field(), p.value(),
                problems.message(p.messageKey(), p.value()))).toList());
    }

    private void attachment(HttpServletResponse response, String extension) {
        String name = "tsunagari-programs-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + "."
                + extension;
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                .toString());
    }
}

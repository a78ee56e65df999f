package jp.tsunagari.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.tsunagari.opendata.Csv;
import jp.tsunagari.system.JapanTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The overview's tables as CSV files (UTF-8 with a byte order mark for Excel, {@link Csv}'s format): the same rows
 * and numbers as the page, with the page's Japanese headers and names (the messages in Japanese); dates as
 * yyyy-mm-dd. The municipalities' list is at most the 1,741 municipalities, written row by row.
 */
@Component
class OverviewCsv {

    private final MessageSource messages;
    private final Clock clock;

    OverviewCsv(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    private String ja(String key, Object... args) {
        return messages.getMessage(key, args, Locale.JAPANESE);
    }

    List<List<String>> coverage(CoverageTable t) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(ja("admin.overview.csv.prefectureCode"),
                ja("admin.overview.coverage.prefecture")));
        t.columns().forEach(c -> header.add(c.name()));
        header.add(ja("admin.overview.total"));
        rows.add(header);
        t.rows().forEach(r -> rows.add(coverageRow(r.code(), r.name(), r)));
        rows.add(coverageRow("", ja("admin.overview.coverage.withoutPrefecture"), t.withoutPrefecture()));
        rows.add(coverageRow("", ja("admin.overview.coverage.programs"), t.totals()));
        return rows;
    }

    private static List<String> coverageRow(String code, String name, CoverageTable.Row r) {
        List<String> row = new ArrayList<>(List.of(code, name));
        r.cells().forEach(c -> row.add(Long.toString(c.count())));
        row.add(Long.toString(r.total()));
        return row;
    }

    List<List<String>> regions(MunicipalityGaps g) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(ja("admin.overview.csv.regionCode"), ja("admin.overview.gaps.region"),
                ja("admin.overview.gaps.municipalities"), ja("admin.overview.gaps.without")));
        g.regions().forEach(r -> rows.add(List.of(r.code(), r.name(), Long.toString(r.municipalities()),
                Long.toString(r.without()))));
        rows.add(List.of("", ja("admin.overview.total"), Long.toString(g.total().municipalities()),
                Long.toString(g.total().without())));
        return rows;
    }

    List<List<String>> municipalities(MunicipalityGaps g) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(ja("admin.overview.csv.municipalityCode"), ja("admin.overview.csv.municipality"),
                ja("admin.overview.coverage.prefecture"), ja("admin.overview.gaps.region")));
        g.gaps().forEach(m -> rows.add(List.of(m.code(), m.name(), m.prefecture(), m.region())));
        return rows;
    }

    List<List<String>> freshness(FollowUp f) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(ja("admin.overview.band"), ja("admin.overview.csv.from"), ja("admin.overview.csv.to"),
                ja("admin.overview.programs")));
        f.bandRows().forEach(b -> rows.add(List.of(ja("admin.overview.band." + b.key()), day(b.from()), day(b.to()),
                Long.toString(b.count()))));
        rows.add(List.of(ja("admin.overview.total"), "", "", Long.toString(f.bands().total())));
        return rows;
    }

    List<List<String>> attention(FollowUp f) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(ja("admin.overview.list"), ja("admin.overview.programs"), ja("admin.overview.csv.url")));
        f.lists().forEach(a -> rows.add(List.of(ja("admin.overview.list." + a.key()), Long.toString(a.count()),
                a.href())));
        return rows;
    }

    List<List<String>> reviews(FollowUp f) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(ja("admin.overview.reviews.age"), ja("admin.overview.programs")));
        f.reviews().forEach(a -> rows.add(List.of(ja("admin.overview.reviews." + a.key()), Long.toString(a.count()))));
        return rows;
    }

    List<List<String>> searches(NeedsTable n) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(ja("admin.overview.needs.text"), ja("admin.overview.needs.count")));
        n.searches().forEach(s -> rows.add(List.of(s.text(), Long.toString(s.count()))));
        rows.add(List.of(ja("admin.overview.needs.notKept.personal"), Long.toString(n.notKept().personalData())));
        rows.add(List.of(ja("admin.overview.needs.notKept.limits"),
                Long.toString(n.notKept().overMemoryLimit() + n.notKept().overDayLimit())));
        return rows;
    }

    List<List<String>> checker(NeedsTable n) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(ja("admin.overview.csv.prefectureCode"), ja("admin.overview.needs.hometown"),
                ja("admin.overview.needs.count")));
        n.checker().forEach(p -> rows.add(List.of(p.code(), p.name(), Long.toString(p.count()))));
        rows.add(List.of("", ja("admin.overview.total"), Long.toString(n.checkerTotal())));
        return rows;
    }

    private static String day(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    /** Sends the rows as {@code overview-TABLE-yyyymmdd.csv}. */
    void write(HttpServletResponse response, String table, List<List<String>> rows) throws IOException {
        String name = "overview-" + table + "-" + JapanTime.today(clock).format(DateTimeFormatter.BASIC_ISO_DATE)
                + ".csv";
        Csv.download(response, name, rows);
    }
}

package jp.tsunagari.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tsunagari.catalogue.Category;
import jp.tsunagari.opendata.Csv;
import jp.tsunagari.place.Prefecture;
import jp.tsunagari.place.Region;
import jp.tsunagari.system.JapanTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The charts' tables as CSV, in the format of {@code /programs.csv} and the overview's files (RFC 4180, every cell
 * quoted, UTF-8 with a byte order mark, Japanese headers), named {@code statistics-NAME-YYYYMMDD.csv}; codes beside
 * names so the files join with the other open data.
 */
@Component
class StatisticsCsv {

    private final MessageSource messages;
    private final Clock clock;

    StatisticsCsv(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    List<List<String>> categoryRegion(Figures.CategoryRegion f, List<Region> regions) {
        List<String> header = new ArrayList<>(List.of(ja("statistics.csv.categoryCode"), ja("statistics.csv.category")));
        regions.forEach(r -> header.add(r.nameJa()));
        header.add(ja("statistics.csv.programs"));
        List<List<String>> rows = new ArrayList<>(List.of(header));
        for (Category c : f.categories()) {
            List<String> row = new ArrayList<>(List.of(c.code(), c.nameJa()));
            regions.forEach(r -> row.add(Long.toString(f.cell(c.code(), r.code()))));
            row.add(Long.toString(f.totals().getOrDefault(c.code(), 0L)));
            rows.add(row);
        }
        return rows;
    }

    List<List<String>> prefectures(List<Prefecture> prefectures, Map<String, Long> counts) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(ja("statistics.csv.prefectureCode"), ja("statistics.csv.prefecture"),
                ja("statistics.csv.programs")));
        prefectures.forEach(p -> rows.add(List.of(p.code(), p.nameJa(),
                Long.toString(counts.getOrDefault(p.code(), 0L)))));
        return rows;
    }

    List<List<String>> reach(List<Figures.ReachGroup> groups, String base) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(ja("statistics.csv.programId"), ja("statistics.csv.program"), ja("statistics.csv.organizer"),
                ja("statistics.csv.metric"), ja("statistics.csv.value"), ja("statistics.csv.unit"),
                ja("statistics.csv.asOf"), ja("statistics.csv.url")));
        for (Figures.ReachGroup g : groups) {
            g.items().forEach(r -> rows.add(List.of(Long.toString(r.card().id()), r.card().name(),
                    r.card().organizerName(Locale.JAPANESE), g.labelJa(), Long.toString(r.metric().value()),
                    g.unitJa(), g.asOf().toString(), base + "/programs/" + r.card().id())));
        }
        return rows;
    }

    List<List<String>> months(MonthlyChanges.Counted counted) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(ja("statistics.csv.month"), ja("statistics.csv.created"), ja("statistics.csv.changed")));
        counted.months().forEach(m -> rows.add(List.of(m.month().toString(), Long.toString(m.created()),
                Long.toString(m.changed()))));
        return rows;
    }

    /** Sends the rows as {@code statistics-NAME-yyyymmdd.csv}. */
    void write(HttpServletResponse response, String name, List<List<String>> rows) throws IOException {
        String file = "statistics-" + name + "-" + JapanTime.today(clock).format(DateTimeFormatter.BASIC_ISO_DATE)
                + ".csv";
        Csv.download(response, file, rows);
    }

    private String ja(String key) {
        return messages.getMessage(key, null, Locale.JAPANESE);
    }
}

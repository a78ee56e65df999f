package jp.tsunagari.alerts;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.tsunagari.catalogue.PublishedChanges;
import jp.tsunagari.system.JapanTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * With the profile {@code synthetic} and {@code catalogue.synthetic.subscriptions=N}: adds N confirmed alert
 * subscriptions (unless the table already holds some), for the benchmarks and the crash test. 70 % follow a search
 * (category and prefecture, a prefecture, a region and category, a keyword, an audience …), 30 % the checker's answers
 * (an age given up to 400 days ago, a hometown municipality or prefecture, a residence); 80 % daily; addresses
 * {@code synthetic-N@example.invalid}. Each is confirmed now: its mail starts after the newest history revision, as
 * a confirmation's does. Runs before the synthetic catalogue and its changes (which may exit the app afterwards).
 */
@Component
@Profile("synthetic")
@Order(-10)
class SyntheticSubscriptions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SyntheticSubscriptions.class);
    static final String[] CATEGORIES = {"sns", "gifts", "co-creation", "alumni-exchange", "other"};
    static final String[] WORDS = {"若者", "学生", "LINE", "ふるさと", "仕送り", "就職", "移住", "出身者", "交流", "特産品",
        "応援", "イベント", "大学生", "Uターン", "まちづくり"};
    static final String[] AUDIENCES = {"student", "youth", "alumni", "guardian", "group", "anyone"};
    static final String[] REGIONS = {"hokkaido", "tohoku", "kanto", "chubu", "kinki", "chugoku", "shikoku", "kyushu-okinawa"};

    private final JdbcTemplate jdbc;
    private final PublishedChanges published;
    private final Clock clock;
    private final int count;
    private final long seed;

    SyntheticSubscriptions(JdbcTemplate jdbc, PublishedChanges published, Clock clock,
                           @Value("${catalogue.synthetic.subscriptions:0}") int count,
                           @Value("${catalogue.synthetic.seed:42}") long seed) {
        this.jdbc = jdbc;
        this.published = published;
        this.clock = clock;
        this.count = count;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long present = jdbc.queryForObject("select count(*) from alert_subscription", Long.class);
        if (count <= 0 || present == null || present > 0) {
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(seed);
        List<String> municipalities = jdbc.queryForList("select lg_code from municipality where not northern_territories"
                + " order by lg_code", String.class);
        LocalDate today = JapanTime.today(clock);
        Timestamp now = Timestamp.from(clock.instant());
        long since = published.latestRevision();
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean checker = random.nextInt(10) < 3;
            String conditions = checker ? checker(random, municipalities) : search(random);
            Kind kind = checker ? Kind.CHECKER : Kind.SEARCH;
            LocalDate ageOn = checker ? today.minusDays(random.nextInt(400)) : null;
            batch.add(new Object[] {"synthetic-" + i + "@example.invalid", kind.name(), conditions,
                LinkKeys.hash(kind + ":" + conditions), random.nextInt(10) < 8 ? "DAILY" : "WEEKLY",
                random.nextInt(10) == 0 ? "en" : "ja", ageOn == null ? null : Date.valueOf(ageOn),
                LinkKeys.random(16), since, now});
            if (batch.size() == 1000 || i == count - 1) {
                insert(batch);
                batch.clear();
            }
        }
        log.info("Synthetic subscriptions: {} in {} s (mail from history revision {} on)", count,
                (System.nanoTime() - started) / 1_000_000_000L, since);
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("insert into alert_subscription (email, kind, conditions, condition_key, frequency, lang,"
                + " age_on, status, link_salt, since_revision, created_at, confirmed_at) values (?, ?, ?, ?, ?, ?, ?,"
                + " 'CONFIRMED', ?, ?, ?, ?)", rows, rows.size(), (PreparedStatement ps, Object[] r) -> {
            for (int k = 0; k < 8; k++) {
                ps.setObject(k + 1, r[k]);
            }
            ps.setLong(9, (Long) r[8]);
            ps.setTimestamp(10, (Timestamp) r[9]);
            ps.setTimestamp(11, (Timestamp) r[9]);
        });
    }

    static String search(Random r) {
        String category = "category=" + CATEGORIES[r.nextInt(CATEGORIES.length)];
        String pref = "pref=" + String.format("%02d", 1 + r.nextInt(47));
        int kind = r.nextInt(20);
        return switch (kind) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> category + "&" + pref;
            case 8, 9, 10, 11 -> pref;
            case 12, 13 -> category + "&region=" + REGIONS[r.nextInt(REGIONS.length)];
            case 14, 15 -> category;
            case 16 -> "q=" + java.net.URLEncoder.encode(WORDS[r.nextInt(WORDS.length)], java.nio.charset.StandardCharsets.UTF_8)
                    + (r.nextBoolean() ? "&" + pref : "");
            case 17 -> pref + "&audience=" + AUDIENCES[r.nextInt(AUDIENCES.length)];
            case 18 -> pref + "&accepting=now";
            default -> "";
        };
    }

    static String checker(Random r, List<String> municipalities) {
        String hometown = r.nextBoolean() ? municipalities.get(r.nextInt(municipalities.size()))
                : String.format("%02d", 1 + r.nextInt(47));
        String[] residences = {"13", "14", "27", "23", "40", "131016", "141003", "271004"};
        return "age=" + (15 + r.nextInt(25)) + "&hometown=" + hometown + "&residence="
                + residences[r.nextInt(residences.length)];
    }

}

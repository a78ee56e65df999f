package jp.tsunagari.opendata;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Atom feeds' identities: {@code tag:} URIs (RFC 4151) of {@code catalogue.feed.tag-authority} (a domain name or
 * an e-mail address the operator held on the date) and {@code catalogue.feed.tag-date}, followed by the feed's or the
 * program page's path without its leading slash: {@code tag:tsunagari.example.jp,2026:programs/7}. Never from the
 * request's host nor from {@code catalogue.base-url} (those are locations: a base URL configured later, or a reader
 * on another host name, must not make every entry look new). Set both once, before the feeds are first read.
 */
@Component
class FeedIds {

    private static final String LABEL = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";
    private static final Pattern DNS_NAME = Pattern.compile(LABEL + "(\\." + LABEL + ")+");
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._-]+@" + DNS_NAME.pattern());

    private final String prefix;

    FeedIds(@Value("${catalogue.feed.tag-authority:tsunagari.example.jp}") String authority,
            @Value("${catalogue.feed.tag-date:2026}") String date) {
        String name = authority.strip().toLowerCase(Locale.ROOT);
        if (!DNS_NAME.matcher(name).matches() && !EMAIL.matcher(name).matches()) {
            throw new IllegalArgumentException("catalogue.feed.tag-authority must be a domain name or an e-mail "
                    + "address (RFC 4151): " + authority);
        }
        this.prefix = "tag:" + name + "," + date(date.strip()) + ":";
    }

    /** The id of the document at {@code path} (starting with {@code /}, its query in canonical order). */
    String of(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        return prefix + path.substring(1);
    }

    private static String date(String date) {
        try {
            switch (date.length()) {
                case 4 -> YearMonth.parse(date + "-01");
                case 7 -> YearMonth.parse(date);
                case 10 -> LocalDate.parse(date);
                default -> throw new DateTimeParseException("not YYYY, YYYY-MM or YYYY-MM-DD", date, 0);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("catalogue.feed.tag-date must be YYYY, YYYY-MM or YYYY-MM-DD "
                    + "(RFC 4151): " + date, e);
        }
        return date;
    }
}

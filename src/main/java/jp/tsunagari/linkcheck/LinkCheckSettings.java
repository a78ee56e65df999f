package jp.tsunagari.linkcheck;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code catalogue.link-check.*} (docs/operations.md): whether the job checks on this instance, how often a pass starts
 * (counted from the previous pass's start, across the cluster), how often its task looks whether one is due (the
 * db-scheduler task's fixed delay), the timeouts, the pause between two requests to one host, redirects followed,
 * programs read per page, whether private addresses may be requested (tests only), and the User-Agent.
 */
@ConfigurationProperties("catalogue.link-check")
record LinkCheckSettings(@DefaultValue("false") boolean enabled, @DefaultValue("P1D") Duration interval,
                         @DefaultValue("PT1M") Duration tick, @DefaultValue("PT5S") Duration connectTimeout,
                         @DefaultValue("PT10S") Duration requestTimeout, @DefaultValue("PT1S") Duration hostDelay,
                         @DefaultValue("5") int maxRedirects, @DefaultValue("100") int batchSize,
                         @DefaultValue("false") boolean privateAddressesAllowed,
                         @DefaultValue(DEFAULT_USER_AGENT) String userAgent) {

    static final String DEFAULT_USER_AGENT = "TsunagariCatalogue-LinkCheck/1.0 (checks the links of a program catalogue)";

    /** Settings for tests and for a probe built by hand. */
    static LinkCheckSettings of(Duration connectTimeout, Duration requestTimeout, Duration hostDelay,
                                boolean privateAddressesAllowed) {
        return new LinkCheckSettings(false, Duration.ofDays(1), Duration.ofMinutes(1), connectTimeout, requestTimeout,
                hostDelay, 5, 100, privateAddressesAllowed, DEFAULT_USER_AGENT);
    }
}

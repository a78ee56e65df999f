package jp.tsunagari;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server for the tests that send mail (GreenMail on a free port, one per test class), the properties that
 * point the application at it, and the alert tables emptied for a test of its own.
 */
public final class TestSmtp {

    private TestSmtp() {
    }

    /** Register as a static {@code @RegisterExtension} field. */
    public static GreenMailExtension server() {
        return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);
    }

    /** For a {@code @DynamicPropertySource} method: {@code spring.mail.host} and {@code port} of the server. */
    public static void pointAt(GreenMailExtension smtp, DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    /** No mail received, and no alert runs, subscriptions or subscribe requests (the database is shared). */
    public static void forgetAlerts(GreenMailExtension smtp, JdbcTemplate jdbc) throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        jdbc.update("delete from alert_run");
        jdbc.update("delete from alert_subscription");
        jdbc.update("delete from alert_attempt");
    }
}

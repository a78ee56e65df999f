package jp.tsunagari.mail;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import jp.tsunagari.system.MailServer;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text mail through Spring Mail to the {@link MailServer} of {@code spring.mail.*}; without a host
 * nothing is sent. A failure (server down, address refused) is logged as a warning and goes no further: the change
 * that caused the mail is already committed, and the app shows its state anyway.
 */
@Component
class MailOut {

    private static final Logger log = LoggerFactory.getLogger(MailOut.class);

    private final MailServer server;
    private final String from;

    MailOut(MailServer server, @Value("${catalogue.mail.from:no-reply@tsunagari.invalid}") String from) {
        this.server = server;
        this.from = from;
    }

    void send(List<String> to, String subject, String body) {
        if (!server.configured() || to.isEmpty()) {
            log.debug("Mail not sent ({}): {}", server.configured() ? "no recipient" : "no spring.mail.host", subject);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(body);
        try {
            server.sender().send(message);
        } catch (MailException | IllegalStateException e) {
            log.warn("Mail to {} not sent ({}): {}", to.size(), subject, e.toString());
        }
    }
}

package jp.tsunagari.mail;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text mail through Spring Mail's sender, which exists only when {@code spring.mail.host} is set; without
 * it nothing is sent. A failure (server down, address refused) is logged as a warning and goes no further: the change
 * that caused the mail is already committed, and the app shows its state anyway.
 */
@Component
class MailOut {

    private static final Logger log = LoggerFactory.getLogger(MailOut.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    MailOut(ObjectProvider<JavaMailSender> sender, @Value("${catalogue.mail.from:no-reply@tsunagari.invalid}") String from) {
        this.sender = sender;
        this.from = from;
    }

    void send(List<String> to, String subject, String body) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || to.isEmpty()) {
            log.debug("Mail not sent ({}): {}", mail == null ? "no spring.mail.host" : "no recipient", subject);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(body);
        try {
            mail.send(message);
        } catch (MailException | IllegalStateException e) {
            log.warn("Mail to {} not sent ({}): {}", to.size(), subject, e.toString());
        }
    }
}

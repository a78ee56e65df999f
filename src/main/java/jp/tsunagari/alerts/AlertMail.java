package jp.tsunagari.alerts;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tsunagari.system.JapanTime;
import jp.tsunagari.system.MailServer;
import jp.tsunagari.system.PublicUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The alert mails, in the subscription's language, each with a plain-text and an HTML part: the confirmation link,
 * 「すでに登録されています」 with the manage link, the renewal question, and the digest. Every mail but the
 * confirmation carries {@code List-Unsubscribe} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}
 * (RFC 8058). Only the address itself goes into a header; everything typed (a search's text) is in the body, escaped
 * in the HTML part. Sent through Spring Mail to the {@link MailServer}, only when {@code spring.mail.host} is set.
 */
@Component
class AlertMail {

    private static final Logger log = LoggerFactory.getLogger(AlertMail.class);
    private static final DateTimeFormatter JST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'JST'")
            .withZone(JapanTime.ZONE);

    private final MailServer server;
    private final LinkKeys links;
    private final AlertText text;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final PublicUrls urls;
    private final String from;

    AlertMail(MailServer server, LinkKeys links, AlertText text, ITemplateEngine templates,
              MessageSource messages, PublicUrls urls,
              @Value("${catalogue.mail.from:no-reply@tsunagari.invalid}") String from) {
        this.server = server;
        this.links = links;
        this.text = text;
        this.templates = templates;
        this.messages = messages;
        this.urls = urls;
        this.from = from;
    }

    LinkKeys links() {
        return links;
    }

    /** Whether mail can be sent at all (without it the alerts are not offered). */
    boolean available() {
        return server.configured();
    }

    /** One mail's content: subject, text, and the model of its HTML template. */
    record Content(String subject, String text, String template, Map<String, Object> model) {
    }

    void confirmation(SubscriptionRows.Row row, String token, Instant expires) {
        Locale locale = Locale.forLanguageTag(row.lang());
        String link = absolute("/alerts/confirm/" + token);
        Content c = text.confirmation(row, link, JST.format(expires), locale);
        trySend(row, c, false);
    }

    void alreadySubscribed(SubscriptionRows.Row row) {
        Content c = text.alreadySubscribed(row, absolute(managePath(row)), Locale.forLanguageTag(row.lang()));
        trySend(row, c, true);
    }

    /** The renewal question; false if it could not be sent (it is asked again at a later look). */
    boolean renewal(SubscriptionRows.Row row) {
        Content c = text.renewal(row, absolute(managePath(row)), Locale.forLanguageTag(row.lang()));
        return trySend(row, c, true);
    }

    /** One SMTP connection for the digest mails of a pass ({@link #digest}); closed at the end of the pass. */
    SmtpConnection connection() {
        return new SmtpConnection(server.sender());
    }

    /** Sends a digest over the pass's connection; returns normally only when the SMTP server accepted it. */
    void digest(SmtpConnection smtp, SubscriptionRows.Row row, List<AlertText.Item> items, int matched) {
        Locale locale = Locale.forLanguageTag(row.lang());
        smtp.send(build(row, text.digest(row, items, matched, absolute(managePath(row)), this::absolute, locale), true));
    }

    String managePath(SubscriptionRows.Row row) {
        return "/alerts/manage/" + links.token(row.id(), row.linkSalt());
    }

    String unsubscribePath(SubscriptionRows.Row row) {
        return "/alerts/unsubscribe/" + links.token(row.id(), row.linkSalt());
    }

    /** An absolute link: the configured base URL, the current request's, or (a job without either) this instance. */
    String absolute(String path) {
        return urls.absoluteAnywhere(path);
    }

    private boolean trySend(SubscriptionRows.Row row, Content c, boolean unsubscribe) {
        try {
            send(row, c, unsubscribe);
            return true;
        } catch (MailException | IllegalStateException e) {
            log.warn("Alert mail not sent ({}): {}", c.subject(), e.toString());
            return false;
        }
    }

    private void send(SubscriptionRows.Row row, Content c, boolean unsubscribe) {
        MimeMessage message = build(row, c, unsubscribe);
        server.sender().send(message);
    }

    private MimeMessage build(SubscriptionRows.Row row, Content c, boolean unsubscribe) {
        MimeMessage message = server.sender().createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(row.email());
            helper.setSubject(c.subject());
            Context context = new Context(Locale.forLanguageTag(row.lang()), c.model());
            helper.setText(c.text(), templates.process(c.template(), context));
            if (unsubscribe) {
                message.setHeader("List-Unsubscribe", "<" + absolute(unsubscribePath(row)) + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("alert mail could not be built", e);
        }
        return message;
    }

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}

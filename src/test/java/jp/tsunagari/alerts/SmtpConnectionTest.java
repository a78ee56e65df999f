package jp.tsunagari.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The digest's SMTP connection (a real server in this JVM, GreenMail): many mails of a few KB over one connection,
 * each accepted before {@code send} returns, on sockets that send at once ({@code TCP_NODELAY}, so not at the speed
 * of TCP's delayed acknowledgements; the time is printed, not asserted); a connection that broke fails the mail in
 * flight and the next mail connects again.
 */
class SmtpConnectionTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final int MAILS = 250;

    @Test
    void manyMailsGoOverOneConnectionEachAcceptedWhenSendReturns() throws Exception {
        JavaMailSenderImpl sender = sender();
        long started = System.nanoTime();
        try (SmtpConnection connection = new SmtpConnection(sender)) {
            for (int i = 0; i < MAILS; i++) {
                connection.send(mail(sender, i));
                assertThat(smtp.getReceivedMessages()).as("accepted when send returned").hasSize(i + 1);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(SmtpConnectionTest::to).distinct()).hasSize(MAILS);
        // A connection per mail, or Nagle's algorithm waiting for a delayed acknowledgement, costs about 45 ms a mail;
        // printed, not asserted (no timed assertions: a busy machine is not a defect; see the sockets test below).
        System.out.printf("SmtpConnectionTest: %d mails in %d ms%n", MAILS, millis);
    }

    /** The sockets the connection opens send at once: no wait for a delayed acknowledgement before the last piece. */
    @Test
    void theConnectionsSocketsSendAtOnce() throws Exception {
        try (java.net.Socket socket = new SmtpConnection.NoDelaySockets().createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
        try (java.net.Socket socket = new SmtpConnection.NoDelaySockets().createSocket("127.0.0.1",
                smtp.getSmtp().getPort())) {
            assertThat(socket.isConnected()).isTrue();
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void aBrokenConnectionFailsOneMailAndTheNextConnectsAgain() throws Exception {
        JavaMailSenderImpl sender = sender();
        try (SmtpConnection connection = new SmtpConnection(sender)) {
            connection.send(mail(sender, 1));
            smtp.stop();
            assertThatThrownBy(() -> connection.send(mail(sender, 2))).isInstanceOf(MailSendException.class);
            smtp.start();
            sender.setPort(smtp.getSmtp().getPort());   // a dynamic port: another one after the restart
            connection.send(mail(sender, 3));
        }
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(SmtpConnectionTest::to)).contains("reader-3@example.jp")
                .doesNotContain("reader-2@example.jp");
    }

    private static JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        Properties props = new Properties();
        props.setProperty("mail.smtp.connectiontimeout", "5000");
        props.setProperty("mail.smtp.timeout", "5000");
        sender.setJavaMailProperties(props);
        return sender;
    }

    /** A digest-sized mail: a text and an HTML part of a few KB each. */
    private static MimeMessage mail(JavaMailSenderImpl sender, int i) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("no-reply@tsunagari.invalid");
        helper.setTo("reader-" + i + "@example.jp");
        helper.setSubject("新着のお知らせ " + i);
        String text = "ふるさと応援の新しい取り組みがあります。".repeat(150);
        helper.setText(text, "<p>" + text + "</p>");
        return message;
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package jp.tsunagari.alerts;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Date;
import java.util.Properties;
import javax.net.SocketFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection for a pass of digest mails, two things Spring's {@link JavaMailSender#send} does not do:
 * <ul>
 * <li>it keeps the connection: {@code send} opens one per call, a TCP and SMTP handshake (and STARTTLS and AUTH at a
 * real relay) for every mail, and thousands of connections a minute, which relays throttle. Here the mails of a pass
 * share one, opened at the first mail and again after a failure or every {@value #MAILS_PER_CONNECTION} mails, closed
 * (QUIT) at the end of the pass;</li>
 * <li>its socket sends at once ({@code TCP_NODELAY}): JavaMail writes a mail in pieces and then the end-of-data line;
 * with Nagle's algorithm that last small piece waits for the acknowledgement of the previous one, which the server's
 * TCP stack delays (40 ms on Linux) — about 45 ms a mail of a few KB, so never more than about 20 mails a second
 * whatever {@code mails-per-second} says (measured against GreenMail: 45 ms a mail, 3.5 ms with it). Not for a
 * connection that is TLS from the start ({@code ssl.enable}, smtps) or a configured socket factory: those stay as
 * configured.</li>
 * </ul>
 * Each {@link #send} still returns only once the server accepted that one mail, so each is marked SENT on its own. A
 * sender other than Spring's {@link JavaMailSenderImpl} is used per mail as it is.
 */
final class SmtpConnection implements AutoCloseable {

    static final int MAILS_PER_CONNECTION = 100;

    private final JavaMailSender sender;
    private Transport transport;
    private int sent;

    SmtpConnection(JavaMailSender sender) {
        this.sender = sender;
    }

    /** Sends one mail; returns normally only when the server accepted it (a failure closes the connection). */
    void send(MimeMessage message) {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            sender.send(message);
            return;
        }
        try {
            if (transport == null || sent >= MAILS_PER_CONNECTION) {
                close();
                transport = connect(impl);
            }
            // what JavaMailSenderImpl does before sending (Transport#sendMessage does not save the message)
            if (message.getSentDate() == null) {
                message.setSentDate(new Date());
            }
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
            sent++;
        } catch (AuthenticationFailedException e) {
            close();
            throw new MailAuthenticationException(e);
        } catch (MessagingException e) {
            close();
            throw new MailSendException("alert mail not sent", e);
        }
    }

    /** As {@link JavaMailSenderImpl} connects (its protocol, host, port and account, "" meaning none), without delay. */
    private static Transport connect(JavaMailSenderImpl impl) throws MessagingException {
        Properties props = new Properties();
        props.putAll(impl.getSession().getProperties());
        String protocol = impl.getProtocol() != null ? impl.getProtocol() : props.getProperty("mail.transport.protocol",
                JavaMailSenderImpl.DEFAULT_PROTOCOL);
        String prefix = "mail." + protocol;
        if ("smtp".equals(protocol) && !"true".equals(props.getProperty(prefix + ".ssl.enable"))
                && props.get(prefix + ".socketFactory") == null && props.get(prefix + ".socketFactory.class") == null) {
            props.put(prefix + ".socketFactory", new NoDelaySockets());
        }
        Transport t = Session.getInstance(props).getTransport(protocol);
        String username = "".equals(impl.getUsername()) ? null : impl.getUsername();
        String password = username == null && "".equals(impl.getPassword()) ? null : impl.getPassword();
        t.connect(impl.getHost(), impl.getPort(), username, password);
        return t;
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException quitFailed) {
                // the connection is gone either way
            }
            transport = null;
            sent = 0;
        }
    }

    /** Plain sockets with {@code TCP_NODELAY} (JavaMail connects them itself, with its timeouts). */
    static final class NoDelaySockets extends SocketFactory {

        @Override
        public Socket createSocket() throws IOException {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(createSocket(), null, new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return connected(createSocket(), new InetSocketAddress(local, localPort), new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(createSocket(), null, new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return connected(createSocket(), new InetSocketAddress(local, localPort), new InetSocketAddress(host, port));
        }

        private static Socket connected(Socket s, InetSocketAddress local, InetSocketAddress remote) throws IOException {
            if (local != null) {
                s.bind(local);
            }
            s.connect(remote);
            return s;
        }
    }
}

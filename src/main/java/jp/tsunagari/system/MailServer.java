package jp.tsunagari.system;

import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The SMTP server of {@code spring.mail.*}, decided when the application starts. Spring Boot's own mail sender is
 * switched off (application.properties): it exists only when {@code spring.mail.host} is set, and with Spring AOT
 * that is decided when the jar is built, so the documented run (host given at run time) would never send mail. This
 * reads the same properties (host, port, username, password, protocol, default-encoding, properties.*, ssl.*) at
 * start-up; without a host nothing is sent and the app says so where it matters. Not read: {@code jndi-name} (no
 * JNDI here) and {@code test-connection} (a server that is down at start must not stop the app: mail is retried).
 */
@Component
public class MailServer {

    private final JavaMailSenderImpl sender;

    MailServer(Environment environment, ObjectProvider<SslBundles> bundles) {
        MailProperties p = Binder.get(environment).bindOrCreate("spring.mail", MailProperties.class);
        this.sender = StringUtils.hasText(p.getHost()) ? sender(p, bundles) : null;
    }

    /** Whether {@code spring.mail.host} is set. */
    public boolean configured() {
        return sender != null;
    }

    /** The sender; only when {@link #configured()}. */
    public JavaMailSender sender() {
        if (sender == null) {
            throw new IllegalStateException("no spring.mail.host: mail cannot be sent");
        }
        return sender;
    }

    /** As Spring Boot's mail auto-configuration applies the properties. */
    private static JavaMailSenderImpl sender(MailProperties p, ObjectProvider<SslBundles> bundles) {
        JavaMailSenderImpl s = new JavaMailSenderImpl();
        s.setHost(p.getHost());
        if (p.getPort() != null) {
            s.setPort(p.getPort());
        }
        s.setUsername(p.getUsername());
        s.setPassword(p.getPassword());
        s.setProtocol(p.getProtocol());
        if (p.getDefaultEncoding() != null) {
            s.setDefaultEncoding(p.getDefaultEncoding().name());
        }
        Properties props = new Properties();
        props.putAll(p.getProperties());
        String protocol = StringUtils.hasLength(p.getProtocol()) ? p.getProtocol() : "smtp";
        MailProperties.Ssl ssl = p.getSsl();
        if (ssl.isEnabled() || StringUtils.hasLength(ssl.getBundle())) {
            if (ssl.isVerifyHostname()) {
                props.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
            }
            if (ssl.isEnabled()) {
                props.setProperty("mail." + protocol + ".ssl.enable", "true");
            }
            if (StringUtils.hasLength(ssl.getBundle())) {
                SslBundle bundle = bundles.getObject().getBundle(ssl.getBundle());
                props.put("mail." + protocol + ".ssl.socketFactory", bundle.createSslContext().getSocketFactory());
            }
        }
        s.setJavaMailProperties(props);
        return s;
    }
}

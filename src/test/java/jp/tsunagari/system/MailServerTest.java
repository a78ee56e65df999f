package jp.tsunagari.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

/**
 * The SMTP server is read from {@code spring.mail.*} when the application starts, as Spring Boot reads it (the same
 * property names), whatever the jar was built with; without a host nothing can be sent.
 */
class MailServerTest {

    private static MailServer server(MockEnvironment env) {
        return new MailServer(env, new StaticListableBeanFactory().getBeanProvider(SslBundles.class));
    }

    @Test
    void withoutAHostNothingIsSent() {
        MailServer server = server(new MockEnvironment().withProperty("spring.mail.port", "2525"));
        assertThat(server.configured()).isFalse();
        assertThatThrownBy(server::sender).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.mail.host");
        assertThat(server(new MockEnvironment().withProperty("spring.mail.host", " ")).configured()).isFalse();
    }

    @Test
    void theSenderCarriesEveryPropertyAsBootWouldSetIt() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.mail.host", "smtp.example.jp")
                .withProperty("spring.mail.port", "587")
                .withProperty("spring.mail.username", "catalogue")
                .withProperty("spring.mail.password", "secret")
                .withProperty("spring.mail.default-encoding", "UTF-8")
                .withProperty("spring.mail.properties.mail.smtp.timeout", "5000")
                .withProperty("spring.mail.ssl.enabled", "true")
                .withProperty("spring.mail.ssl.verify-hostname", "true");
        MailServer server = server(env);
        assertThat(server.configured()).isTrue();
        JavaMailSenderImpl sender = (JavaMailSenderImpl) server.sender();
        assertThat(sender.getHost()).isEqualTo("smtp.example.jp");
        assertThat(sender.getPort()).isEqualTo(587);
        assertThat(sender.getUsername()).isEqualTo("catalogue");
        assertThat(sender.getPassword()).isEqualTo("secret");
        assertThat(sender.getDefaultEncoding()).isEqualTo("UTF-8");
        assertThat(sender.getJavaMailProperties())
                .containsEntry("mail.smtp.timeout", "5000")
                .containsEntry("mail.smtp.ssl.enable", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true");
    }

    @Test
    void withoutSslNoSslPropertyIsAdded() {
        MailServer server = server(new MockEnvironment().withProperty("spring.mail.host", "127.0.0.1"));
        JavaMailSenderImpl sender = (JavaMailSenderImpl) server.sender();
        assertThat(sender.getPort()).isEqualTo(JavaMailSenderImpl.DEFAULT_PORT);
        assertThat(sender.getJavaMailProperties()).isEmpty();
    }
}

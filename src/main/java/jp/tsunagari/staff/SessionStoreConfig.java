package jp.tsunagari.staff;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Staff sessions in the database (Spring Session JDBC): a session attribute is written as an upsert. With Spring
 * Session's plain INSERT, two requests of one session that store the same new attribute at once (several tabs opened
 * right after signing in, each storing the CSRF token) failed with a duplicate key: an HTTP 500 and an ERROR log.
 * PostgreSQL: Spring Session's own {@code ON CONFLICT DO UPDATE}; H2: {@code MERGE ... KEY}.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

    static final String H2_UPSERT_ATTRIBUTE = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes(DataSource dataSource)
            throws SQLException {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        }
        return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT_ATTRIBUTE);
    }
}

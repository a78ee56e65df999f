package jp.tsunagari.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default as a user runs it: an H2 file database. A second start ("restart") applies no migration
 * again, duplicates no row and keeps what staff changed in between.
 */
class MigrationsTest {

    @TempDir
    Path dataDir;

    private JdbcDataSource fileDatabase() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dataDir.resolve("catalogue").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        ds.setUser("sa");
        return ds;
    }

    private int migrate(JdbcDataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate().migrationsExecuted;
    }

    @Test
    void restartingKeepsDataAndNeverDuplicatesRows() throws java.io.IOException {
        long migrations;
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        JdbcDataSource first = fileDatabase();
        assertThat(migrate(first)).isEqualTo(migrations).isGreaterThanOrEqualTo(6);
        JdbcTemplate jdbc = new JdbcTemplate(first);
        jdbc.update("update reach_metric set metric_value = 5400 where program_id = 1");
        assertThat(Files.exists(dataDir.resolve("catalogue.mv.db"))).isTrue();

        JdbcDataSource second = fileDatabase();
        assertThat(migrate(second)).isZero();
        JdbcTemplate again = new JdbcTemplate(second);
        assertThat(again.queryForObject("select count(*) from program", Integer.class)).isEqualTo(15);
        assertThat(again.queryForObject("select count(*) from municipality", Integer.class)).isEqualTo(1918);
        assertThat(again.queryForObject("select metric_value from reach_metric where program_id = 1", Long.class))
                .isEqualTo(5400);
        assertThat(again.queryForObject("select max(id) from program", Long.class)).isEqualTo(15);
        again.update("insert into program (status, name, name_kana, category_code, channel, lifecycle, eligibility_text,"
                + " created_at, updated_at, updated_by) values ('DRAFT', 'テスト', 'てすと', 'other', 'EVENT', 'ONGOING', '',"
                + " current_timestamp, current_timestamp, 'test')");
        assertThat(again.queryForObject("select max(id) from program", Long.class)).isEqualTo(1000);
    }
}

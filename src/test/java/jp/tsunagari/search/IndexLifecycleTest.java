package jp.tsunagari.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The index follows the database: at once after this instance publishes, changes or deletes, and within the
 * refresh period after another instance changed the data (simulated by SQL and the change marker, no event).
 */
@SpringBootTest(properties = {"catalogue.search.refresh-ms=200",
        "spring.datasource.url=jdbc:h2:mem:index-lifecycle;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class IndexLifecycleTest {

    @Autowired
    ProgramSearch search;

    @Autowired
    ProgramEditor editor;

    @Autowired
    JdbcTemplate jdbc;

    List<Long> find(String text) {
        return search.search(new DiscoveryQuery(text, Map.of(), "relevance", 1, 50)).ids();
    }

    @Test
    void theIndexFollowsPublishingEditingDeletingAndOtherInstances() throws InterruptedException {
        assertThat(find("索引試験")).isEmpty();
        ProgramContent seed = editor.editable(3).orElseThrow().content();
        long id = editor.create(seed.renamed("索引試験プログラム"), false, "test");
        assertThat(find("索引試験")).as("drafts are not indexed").isEmpty();
        editor.publish(id, editor.editable(id).orElseThrow().version(), "test");
        assertThat(find("索引試験")).containsExactly(id);

        ProgramEditor.Editable e = editor.editable(id).orElseThrow();
        editor.save(id, e.version(), e.content().renamed("改名試験プログラム"), true, "test");
        assertThat(find("索引試験")).isEmpty();
        assertThat(find("改名試験")).containsExactly(id);

        // Another instance renames the program: only the database and its change marker know.
        jdbc.update("update program set name = '別インスタンス試験' where id = ?", id);
        jdbc.update("update change_marker set counter = counter + 1 where id = 1");
        long deadline = System.currentTimeMillis() + 5_000;
        while (find("別インスタンス").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(find("別インスタンス")).containsExactly(id);

        editor.delete(id, editor.editable(id).orElseThrow().version(), "test");
        assertThat(find("別インスタンス")).isEmpty();
    }
}

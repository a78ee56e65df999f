package jp.tsunagari.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;
import jp.tsunagari.catalogue.Category;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.SearchSources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The index follows the database: at once after this instance publishes, changes or deletes, and within the
 * refresh period after another instance changed the data (simulated by SQL and the change marker, no event).
 * A change to one program re-reads only that program; a wider change, or a step missing from the log, re-reads all.
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

    @Autowired
    CategoryEditor categories;

    @Autowired
    ProgramIndex index;

    @MockitoSpyBean
    SearchSources sources;

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

    @Test
    void aChangeToOneProgramReadsOnlyThatProgramAndAWiderChangeReadsAll() throws InterruptedException {
        ProgramEditor.Editable e = editor.editable(5).orElseThrow();
        int before = index.snapshot().documents();
        clearInvocations(sources);

        editor.save(5, e.version(), e.content().renamed("一件更新試験"), true, "test");
        assertThat(find("一件更新試験")).containsExactly(5L);
        verify(sources).eachPublished(eq(List.of(5L)), any());
        verify(sources, never()).eachPublished(any());
        assertThat(index.snapshot().documents()).isEqualTo(before);

        // Another instance changes one program and logs it: this instance updates that program only.
        clearInvocations(sources);
        jdbc.update("update program set name = '他インスタンス一件' where id = 5");
        long step = jdbc.queryForObject("select counter + 1 from change_marker where id = 1", Long.class);
        jdbc.update("update change_marker set counter = ? where id = 1", step);
        jdbc.update("insert into catalogue_change (counter, program_id, changed_at) values (?, 5, current_timestamp)", step);
        long deadline = System.currentTimeMillis() + 5_000;
        while (find("他インスタンス一件").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(find("他インスタンス一件")).containsExactly(5L);
        verify(sources).eachPublished(eq(List.of(5L)), any());
        verify(sources, never()).eachPublished(any());

        // A category's new name may be in every program's text: everything is read again.
        clearInvocations(sources);
        Category gifts = categories.find("gifts").orElseThrow();
        categories.update("gifts", "地元の贈り物試験", gifts.nameEn(), gifts.descriptionJa(), gifts.descriptionEn());
        verify(sources).eachPublished(any());
        List<Long> inGifts = search.search(new DiscoveryQuery("", Map.of("category", java.util.Set.of("gifts")), "relevance",
                1, 50)).ids();
        assertThat(inGifts).isNotEmpty();
        assertThat(find("地元の贈り物試験")).containsExactlyInAnyOrderElementsOf(inGifts);
        assertThat(index.snapshot().documents()).isEqualTo(before);
    }
}

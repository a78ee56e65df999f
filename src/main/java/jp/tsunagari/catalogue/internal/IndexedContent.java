package jp.tsunagari.catalogue.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tsunagari.catalogue.IndexedPages;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.SearchSource;
import jp.tsunagari.eligibility.Audience;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Programs' content read from the copies the search index keeps ({@link IndexedPages}), for the versions the caller
 * has just read from the database: a copy of another version (the index behind) or one that cannot be read is left
 * out, and the caller reads the database for it.
 */
@Component
public class IndexedContent {

    private static final Logger log = LoggerFactory.getLogger(IndexedContent.class);

    private final IndexedPages indexed;
    private final JsonMapper json;

    IndexedContent(IndexedPages indexed, JsonMapper json) {
        this.indexed = indexed;
        this.json = json;
    }

    /** A program's content and its audience tags as stored, of the version asked for. */
    public record Copy(ProgramContent content, Set<Audience> audiences) {
    }

    /** The copies of the programs in {@code versions} (id → the version the database has) that the index holds. */
    public Map<Long, Copy> of(Map<Long, Long> versions) {
        Map<Long, Copy> copies = new HashMap<>();
        if (versions.isEmpty()) {
            return copies;
        }
        indexed.pages(versions.keySet()).forEach((id, page) -> {
            Long version = versions.get(id);
            if (version != null && version == page.version()) {
                read(id, page).ifPresent(c -> copies.put(id, new Copy(c, page.audiences())));
            }
        });
        return copies;
    }

    private Optional<ProgramContent> read(long id, SearchSource.Page page) {
        try {
            return Optional.of(json.readValue(page.json(), ProgramContent.class));
        } catch (JacksonException e) {
            log.warn("The index's copy of program {} version {} could not be read ({}); reading the database",
                    id, page.version(), e.getOriginalMessage());
            return Optional.empty();
        }
    }
}

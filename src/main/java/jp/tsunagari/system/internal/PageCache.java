package jp.tsunagari.system.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import jp.tsunagari.system.ChangeMarker;
import jp.tsunagari.system.ViewsOutdated;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Whole public responses (pages and API answers for visitors without a session), kept in memory until the catalogue
 * changes: a change committed here empties it at once, and the search index empties it again when it switches to a
 * new build (which is also how changes committed by another instance arrive, within the index's refresh delay).
 * Entries are counted by their bytes; the least recently used go first when {@code catalogue.page-cache.max-bytes}
 * is reached. See {@link PageCacheFilter} for what is cached and docs/performance.md for why.
 */
@Component
public class PageCache {

    /** One stored response: status 200, the headers that belong to the content, the body, and its gzip form. */
    static final class Entry {
        final long generation;
        final Map<String, List<String>> headers;
        final byte[] body;
        final String etag;
        final MediaType mediaType;
        private volatile byte[] gzip;

        Entry(long generation, Map<String, List<String>> headers, byte[] body, String etag, MediaType mediaType) {
            this.generation = generation;
            this.headers = headers;
            this.body = body;
            this.etag = etag;
            this.mediaType = mediaType;
        }

        /** The body compressed once, on the first request that accepts gzip. */
        byte[] gzip() {
            byte[] g = gzip;
            if (g == null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
                try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                    zip.write(body);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                g = out.toByteArray();
                gzip = g;
            }
            return g;
        }

        int weight() {
            return body.length * 2 + 512;
        }
    }

    private final boolean enabled;
    private final int maxEntryBytes;
    private final Cache<String, Entry> entries;
    private final AtomicLong generation = new AtomicLong();

    PageCache(@Value("${catalogue.page-cache.enabled:true}") boolean enabled,
              @Value("${catalogue.page-cache.max-bytes:67108864}") long maxBytes,
              @Value("${catalogue.page-cache.max-entry-bytes:2097152}") int maxEntryBytes) {
        this.enabled = enabled;
        this.maxEntryBytes = maxEntryBytes;
        this.entries = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((String key, Entry e) -> e.weight()).build();
    }

    boolean enabled() {
        return enabled;
    }

    /** The generation new entries belong to; read it before rendering, so a change during rendering wins. */
    long generation() {
        return generation.get();
    }

    Entry get(String key) {
        Entry e = entries.getIfPresent(key);
        return e != null && e.generation == generation.get() ? e : null;
    }

    void put(String key, Entry entry, int bodyLength) {
        if (bodyLength <= maxEntryBytes && entry.generation == generation.get()) {
            entries.put(key, entry);
        }
    }

    /** Forgets every stored response (the catalogue changed, or the search index now shows a newer state). */
    public void invalidate() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onChange(ChangeMarker.CatalogueChanged changed) {
        invalidate();
    }

    @EventListener
    void onViewsOutdated(ViewsOutdated outdated) {
        invalidate();
    }

    long size() {
        return entries.estimatedSize();
    }
}

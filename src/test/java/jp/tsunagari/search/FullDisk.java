package jp.tsunagari.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexOutput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * A disk that fills up when told to: while {@link #full} is set, every file the index creates, every byte written to
 * a file and every sync fails with the operating system's message for ENOSPC, as a real full disk does.
 */
final class FullDisk implements IndexFolders.Directories {

    final AtomicBoolean full = new AtomicBoolean();

    @Override
    public Directory open(Path folder) throws IOException {
        return new FilterDirectory(FSDirectory.open(folder)) {
            @Override
            public IndexOutput createOutput(String name, IOContext context) throws IOException {
                check();
                return guarded(super.createOutput(name, context));
            }

            @Override
            public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
                check();
                return guarded(super.createTempOutput(prefix, suffix, context));
            }

            @Override
            public void sync(java.util.Collection<String> names) throws IOException {
                check();
                super.sync(names);
            }
        };
    }

    private IndexOutput guarded(IndexOutput out) {
        return new FilterIndexOutput("full disk " + out, out.getName(), out) {
            @Override
            public void writeByte(byte b) throws IOException {
                check();
                super.writeByte(b);
            }

            @Override
            public void writeBytes(byte[] b, int offset, int length) throws IOException {
                check();
                super.writeBytes(b, offset, length);
            }
        };
    }

    void check() throws IOException {
        if (full.get()) {
            throw new IOException("No space left on device");
        }
    }
}

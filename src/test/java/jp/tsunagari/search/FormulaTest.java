package jp.tsunagari.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

/**
 * A formula read window by window gives exactly the documents it describes, whether its terms are read from postings
 * (rare terms) or from the segment's kept bit sets ({@link DenseTerms}, frequent terms), over several windows, a last
 * window cut short by the segment's end, and several segments.
 */
class FormulaTest {

    static final int DOCS = 3 * Formula.WINDOW + 1000;

    @Test
    void windowsHoldExactlyTheDocumentsOfTheFormulaForDenseAndRareTerms() throws Exception {
        Random random = new Random(27);
        List<String> values = new ArrayList<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new KeywordAnalyzer()))) {
            for (int i = 0; i < DOCS; i++) {
                // "common" on about half the documents, "some" on about a tenth (both dense), "rare" on a few
                String value = random.nextInt(2) == 0 ? "common" : random.nextInt(5) == 0 ? "some"
                        : random.nextInt(400) == 0 ? "rare" : "other";
                values.add(value);
                Document doc = new Document();
                doc.add(new StringField("f", value, Field.Store.NO));
                doc.add(new StringField("g", i % 3 == 0 ? "third" : "rest", Field.Store.NO));
                writer.addDocument(doc);
                if (i == DOCS / 2) {
                    writer.commit(); // a second segment
                }
            }
            writer.commit();
            Formula formula = new Formula.AndNot(Formula.anyTerm("f", List.of("common", "rare", "missing")),
                    Formula.anyTerm("g", List.of("third")));
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                for (int round = 0; round < 2; round++) { // the second round reads the kept bit sets
                    BitSet found = new BitSet();
                    for (var leaf : reader.leaves()) {
                        collect(Formula.leaf(formula, leaf.reader()), leaf.reader(), leaf.docBase, found);
                    }
                    BitSet expected = new BitSet();
                    for (int i = 0; i < DOCS; i++) {
                        boolean f = values.get(i).equals("common") || values.get(i).equals("rare");
                        if (f && i % 3 != 0) {
                            expected.set(i);
                        }
                    }
                    assertThat(found).isEqualTo(expected);
                }
            }
        }
    }

    private static void collect(Formula.Leaf leaf, LeafReader reader, int docBase, BitSet into) {
        for (int start = 0; start < reader.maxDoc(); start += Formula.WINDOW) {
            FixedBitSet window = leaf.window(start);
            for (int i = 0; i < window.length(); i++) {
                if (window.get(i)) {
                    assertThat(start + i).isLessThan(reader.maxDoc());
                    into.set(docBase + start + i);
                }
            }
        }
    }
}

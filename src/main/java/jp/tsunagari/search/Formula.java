package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * A set of documents described by index terms: those carrying any of some terms, and intersections, differences and
 * unions of such sets. {@link #leaf} reads it for one segment window by window ({@value #WINDOW} documents at a time,
 * from the terms' postings), so its memory per request is fixed by the formula, not by the catalogue's size; frequent
 * terms are read from bit sets kept per segment instead ({@link DenseTerms}, bounded in all).
 */
sealed interface Formula {

    int WINDOW = 4096;

    /** Documents with any of {@code terms} in {@code field}. */
    record AnyTerm(String field, List<String> terms) implements Formula {
    }

    record And(Formula a, Formula b) implements Formula {
    }

    /** In {@code a} but not in {@code b}. */
    record AndNot(Formula a, Formula b) implements Formula {
    }

    record Or(List<Formula> parts) implements Formula {
    }

    Formula NONE = new Or(List.of());

    /** Every document of the segment (deleted ones too: {@link Leaf#window} leaves them to the caller). */
    record All() implements Formula {
    }

    Formula ALL = new All();

    static Formula and(List<Formula> parts) {
        Formula f = ALL;
        for (Formula p : parts) {
            f = f == ALL ? p : new And(f, p);
        }
        return f;
    }

    static Formula anyTerm(String field, List<String> terms) {
        return terms.isEmpty() ? NONE : new AnyTerm(field, List.copyOf(terms));
    }

    static Formula or(List<Formula> parts) {
        List<Formula> some = parts.stream().filter(p -> p != NONE).toList();
        return some.isEmpty() ? NONE : some.size() == 1 ? some.get(0) : new Or(some);
    }

    /** The formula over one segment: which of its documents are in the set. */
    static Leaf leaf(Formula f, LeafReader reader) {
        return new Leaf(node(f, reader));
    }

    /** The set over one segment, computed one window of bits at a time, in increasing order. */
    final class Leaf {

        private final Node root;
        private int windowStart = -1;

        private Leaf(Node root) {
            this.root = root;
        }

        /** The bits of the window from {@code start} (a multiple of {@value #WINDOW}; windows in increasing order). */
        FixedBitSet window(int start) {
            if (start != windowStart) {
                windowStart = start;
                root.fill(start);
            }
            return root.bits;
        }
    }

    private static Node node(Formula f, LeafReader reader) {
        if (f instanceof AnyTerm t) {
            return terms(reader, t);
        }
        if (f instanceof All) {
            return new AllNode(reader.maxDoc());
        }
        if (f instanceof And a) {
            return new BinaryNode(node(a.a(), reader), node(a.b(), reader), false);
        }
        if (f instanceof AndNot a) {
            return new BinaryNode(node(a.a(), reader), node(a.b(), reader), true);
        }
        return new OrNode(((Or) f).parts().stream().map(p -> node(p, reader)).toList());
    }

    /** Frequent terms as the segment's bit sets ({@link DenseTerms}), the others as postings. */
    private static TermsNode terms(LeafReader reader, AnyTerm t) {
        List<PostingsEnum> postings = new ArrayList<>();
        List<FixedBitSet> dense = new ArrayList<>();
        try {
            Terms terms = reader.terms(t.field());
            if (terms != null) {
                TermsEnum e = terms.iterator();
                for (String term : t.terms()) {
                    if (!e.seekExact(new BytesRef(term))) {
                        continue;
                    }
                    if (DenseTerms.dense(reader, e)) {
                        dense.add(DenseTerms.of(reader, t.field(), term, e));
                    } else {
                        postings.add(e.postings(null, PostingsEnum.NONE));
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new TermsNode(postings, dense);
    }

    /** One node of a formula over a segment, with its bits for the current window. */
    abstract class Node {
        final FixedBitSet bits = new FixedBitSet(WINDOW);

        abstract void fill(int start);
    }

    final class TermsNode extends Node {
        private final List<PostingsEnum> postings;
        private final List<FixedBitSet> dense;

        TermsNode(List<PostingsEnum> postings, List<FixedBitSet> dense) {
            this.postings = postings;
            this.dense = dense;
        }

        @Override
        void fill(int start) {
            bits.clear();
            for (FixedBitSet d : dense) {
                DenseTerms.orWindow(d, start, bits);
            }
            int end = start + WINDOW;
            try {
                for (PostingsEnum p : postings) {
                    int doc = p.docID() < start ? p.advance(start) : p.docID();
                    while (doc < end) {
                        bits.set(doc - start);
                        doc = p.nextDoc();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final class AllNode extends Node {
        private final int maxDoc;

        AllNode(int maxDoc) {
            this.maxDoc = maxDoc;
        }

        @Override
        void fill(int start) {
            bits.clear();
            bits.set(0, Math.max(0, Math.min(WINDOW, maxDoc - start)));
        }
    }

    final class BinaryNode extends Node {
        private final Node a;
        private final Node b;
        private final boolean not;

        BinaryNode(Node a, Node b, boolean not) {
            this.a = a;
            this.b = b;
            this.not = not;
        }

        @Override
        void fill(int start) {
            a.fill(start);
            b.fill(start);
            bits.clear();
            bits.or(a.bits);
            if (not) {
                bits.andNot(b.bits);
            } else {
                bits.and(b.bits);
            }
        }
    }

    final class OrNode extends Node {
        private final List<Node> parts;

        OrNode(List<Node> parts) {
            this.parts = parts;
        }

        @Override
        void fill(int start) {
            bits.clear();
            for (Node p : parts) {
                p.fill(start);
                bits.or(p.bits);
            }
        }
    }
}

package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The two analyses of the index: Kuromoji morphological analysis (JapaneseAnalyzer: search mode, base forms,
 * width and katakana normalisation) for relevance, and character bigrams with unigrams over the kana-folded
 * text for recall — compounds, partial words and readings all match as runs of grams.
 */
final class Analyzers {

    static final String NAME_JA = "name_ja";
    static final String BODY_JA = "body_ja";
    static final String NAME_BI = "name_bi";
    static final String BODY_BI = "body_bi";

    private Analyzers() {
    }

    static Analyzer perField() {
        Analyzer japanese = new JapaneseAnalyzer();
        return new PerFieldAnalyzerWrapper(new Grams(), java.util.Map.of(NAME_JA, japanese, BODY_JA, japanese));
    }

    /**
     * CJKAnalyzer's chain without stop words and with unigrams kept beside the bigrams, so that a single CJK
     * character next to digits or Latin letters (「500円」 in 「500円分」) still matches.
     */
    static final class Grams extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                    | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, true);
            return new TokenStreamComponents(source, stream);
        }
    }

    /** The tokens of {@code text} in {@code field}, with their positions (gaps kept). */
    static List<Token> tokens(Analyzer analyzer, String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    record Token(String term, int position) {
    }
}

package no.evidens.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianLightStemmer;
import org.apache.lucene.analysis.no.NorwegianMinimalStemFilter;
import org.apache.lucene.analysis.no.NorwegianNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analysis chains of the index, all Lucene's own filters:
 * <ul>
 * <li>text: standard tokens, lower case, {@code ae/oe/aa} and ä/ö folded to æ/ø/å, Norwegian stop
 * words, minimal stemming (plural and definite endings) for Bokmål and Nynorsk together — Lucene's
 * light stemmer cuts too much (helsestasjon → helsestasjo, but helsestasjonen → helsestasjon);</li>
 * <li>parts: the same, with compounds also split into the parts of a shipped lexicon
 * ({@code compound-parts.txt}), so {@code barnevern} finds {@code barneverntjenesten} (split as Lucene's
 * dictionary compound filter splits, each word once: {@link CachedCompoundFilter}), and a law's name also
 * into what it is named after ({@link LawNameFilter}: {@code sosialtjenesteloven} gives {@code sosialtjeneste});</li>
 * <li>at index time a coordination's first word also as the compound it stands for ({@code helse- og
 * omsorgstjenesten}: {@code helsetjenesten}, {@link SharedEndings}), in the text and heading, not in the parts;</li>
 * <li>at query time the text chain expands abbreviations and synonyms ({@code synonyms.txt}, which
 * a file in the home folder replaces);</li>
 * <li>the filter fields are exact keywords.</li>
 * </ul>
 */
public final class NorwegianAnalysis {
    private static final int STEM_FLAGS = NorwegianLightStemmer.BOKMAAL | NorwegianLightStemmer.NYNORSK;
    /** The compound-part lexicon (package-private for the filter test). */
    static final CharArraySet PARTS = readParts();
    /** Lucene's Norwegian stop words, and the Nynorsk ones it lacks. */
    private static final CharArraySet STOP_WORDS = stopWords();

    private NorwegianAnalysis() {
    }

    /**
     * The analyzer the evidence index is written with. The text and parts fields of a passage hold the
     * same text: its tokens, up to the stop words, are found once and reused ({@link TextAndPartsAnalyzer}).
     */
    public static Analyzer analyzer() {
        Analyzer textAndParts = new TextAndPartsAnalyzer();
        return withKeywordFields(textAndParts, textAndParts);
    }

    /**
     * The index analyzer with each field analysed on its own, as before the text and parts fields shared their
     * first steps: the reference that {@link #analyzer()} must agree with token for token.
     */
    static Analyzer separateChains() {
        return withKeywordFields(new TextAnalyzer(null, false, true), new TextAnalyzer(null, true, true));
    }

    /**
     * The analyzer queries are read with: as {@link #analyzer()}, with synonyms and abbreviations
     * expanded in the text.
     *
     * @param synonyms a synonyms file that replaces the shipped one, or null
     */
    public static Analyzer queryAnalyzer(Path synonyms) {
        // The query's words are not split: "taushetsplikta" looks for compounds that hold taushetsplikt,
        // not for every compound that ends in plikt.
        SynonymList list = SynonymList.read(synonyms);
        Analyzer all = withKeywordFields(new TextAnalyzer(synonymMap(list.all(), synonyms), false, false), new TextAnalyzer(null, false, false));
        if (!list.hasOtherWords()) {
            QUERY_ANALYZERS.add(all);
            return all;
        }
        Analyzer sameWords = withKeywordFields(new TextAnalyzer(synonymMap(list.sameWords(), synonyms), false, false),
                new TextAnalyzer(null, false, false));
        Analyzer out = new QueryAnalyzer(all, sameWords);
        QUERY_ANALYZERS.add(out);
        return out;
    }

    /** The analyzers {@link #queryAnalyzer} made (by identity: analyzers do not define equality), held weakly. */
    private static final Set<Analyzer> QUERY_ANALYZERS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /**
     * Whether {@code analyzer} is one of {@link #queryAnalyzer}'s: then the index it searches was written with {@link
     * #analyzer()}, so that the text of a passage analysed again gives the tokens, positions and offsets its postings hold
     * (the highlighter's {@link AnalysedMatches}). Any other analyzer (the plain baseline's) says nothing of the index.
     */
    static boolean searchesEvidensAnalysis(Analyzer analyzer) {
        return QUERY_ANALYZERS.contains(analyzer);
    }

    /**
     * A query analyzer that also knows the word's forms without the entries naming the same thing in other words
     * ({@link SynonymList}): a relaxed search ranks a passage holding the word itself, or its other spelling or
     * abbreviation, above one holding only another name for it.
     */
    static final class QueryAnalyzer extends org.apache.lucene.analysis.DelegatingAnalyzerWrapper {
        private final Analyzer all;
        private final Analyzer sameWords;

        QueryAnalyzer(Analyzer all, Analyzer sameWords) {
            super(PER_FIELD_REUSE_STRATEGY);
            this.all = all;
            this.sameWords = sameWords;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return all;
        }

        /** The analyzer with only the list's spellings and abbreviations. */
        Analyzer sameWords() {
            return sameWords;
        }

        @Override
        public void close() {
            all.close();
            sameWords.close();
            super.close();
        }
    }

    /** Lucene's plain NorwegianAnalyzer for the text: the baseline that relevance is measured against. */
    public static Analyzer plain() {
        NorwegianAnalyzer text = new NorwegianAnalyzer();
        return withKeywordFields(text, text);
    }

    private static Analyzer withKeywordFields(Analyzer text, Analyzer parts) {
        Analyzer keyword = new KeywordAnalyzer();
        // Types, indicator ids, laws and ja/nei are stored in lower case: a user may type them in any case.
        Analyzer anyCase = new LowerCaseKeywordAnalyzer();
        return new PerFieldAnalyzerWrapper(text, Map.ofEntries(
                Map.entry(PassageSchema.PARTS, parts),
                Map.entry(PassageSchema.KIND, keyword),
                Map.entry(PassageSchema.ID, keyword),
                Map.entry(PassageSchema.CASE, keyword),
                Map.entry(PassageSchema.DOC, keyword),
                Map.entry(PassageSchema.FILE, keyword),
                Map.entry(PassageSchema.TYPE, anyCase),
                Map.entry(PassageSchema.INDICATOR, anyCase),
                Map.entry(PassageSchema.INDICATOR_QUERY, anyCase),
                Map.entry(PassageSchema.LAW, anyCase),
                Map.entry(PassageSchema.HAS_QUOTE, anyCase),
                Map.entry(PassageSchema.MUNICIPALITY, anyCase),
                Map.entry(PassageSchema.SERVICE, anyCase),
                Map.entry(PassageSchema.YEAR, anyCase),
                Map.entry(PassageSchema.SHA256, keyword)));
    }

    /**
     * The Norwegian text chain, optionally with synonyms (queries) or compound parts (the parts field); an index's
     * chain also gives a coordination's first word the compound it stands for ({@link SharedEndings}).
     */
    private static final class TextAnalyzer extends Analyzer {
        private final SynonymMap synonyms;
        private final boolean parts;
        private final boolean index;

        TextAnalyzer(SynonymMap synonyms, boolean parts, boolean index) {
            this.synonyms = synonyms;
            this.parts = parts;
            this.index = index;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            // a character filter, as in the Solr schema; the shared chains mark the value they read instead (TextAndPartsAnalyzer)
            return index ? SharedEndings.marked(reader) : reader;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = index ? indexWords(source, !parts) : words(source);
            if (parts) {
                s = parts(s);
            }
            s = stems(s);
            // Synonyms last, on stems: an entry covers every inflection of its words (skule, skulen, skular).
            if (synonyms != null) {
                s = new SynonymGraphFilter(s, synonyms, true);
            }
            return new TokenStreamComponents(source, s);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return normalized(in);
        }
    }

    /** The first steps of every text chain: lower case, folded, stop words out. */
    static TokenStream words(Tokenizer source) {
        return new StopFilter(normalized(source), STOP_WORDS);
    }

    /**
     * The first steps of an index's text chain: as {@link #words}, with a coordination's shared ending
     * ({@link SharedEndings}; the text marked by {@link SharedEndings#marked(String)}) before the stop words.
     */
    static TokenStream indexWords(Tokenizer source, boolean compounds) {
        return new StopFilter(new SharedEndings(normalized(source), PARTS, compounds), STOP_WORDS);
    }

    /** Lower case, {@code ae/oe/aa} and ä/ö folded to æ/ø/å. */
    static TokenStream normalized(TokenStream in) {
        return new NorwegianNormalizationFilter(new LowerCaseFilter(in));
    }

    /** The parts field's own steps: a law's subject and a compound's parts, at the word's place. */
    static TokenStream parts(TokenStream words) {
        return new CachedCompoundFilter(new LawNameFilter(words), PARTS, 5, 3, 20);
    }

    /** The last step of every text chain: minimal stemming for Bokmål and Nynorsk. */
    static TokenStream stems(TokenStream in) {
        return new NorwegianMinimalStemFilter(in, STEM_FLAGS);
    }

    /** A whole value as one token, in lower case. */
    private static final class LowerCaseKeywordAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    /** What synonym entries are read with: the text chain up to the stems (entries hold no stop words). */
    static final class SynonymEntryAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source,
                    new NorwegianMinimalStemFilter(new NorwegianNormalizationFilter(new LowerCaseFilter(source)), STEM_FLAGS));
        }
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(NorwegianAnalyzer.getDefaultStopSet(), false);
        words.addAll(List.of("frå", "òg", "berre", "ei", "vera", "vert", "kvarandre", "mellom", "utan", "ved"));
        return CharArraySet.unmodifiableSet(words);
    }

    private static CharArraySet readParts() {
        List<String> parts = new ArrayList<>();
        try (InputStream in = NorwegianAnalysis.class.getResourceAsStream("compound-parts.txt")) {
            if (in == null) {
                throw new IllegalStateException("compound-parts.txt is missing from the index module");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    parts.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CharArraySet.unmodifiableSet(new CharArraySet(parts, true));
    }

    /**
     * The synonym entries {@code text} holds (lines of {@code file}, null: the shipped list), or null when it holds none.
     * Errors name the file and the line.
     */
    static SynonymMap synonymMap(String text, Path file) {
        try (Reader in = new java.io.StringReader(text)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, new SynonymEntryAnalyzer());
            parser.parse(in);
            SynonymMap map = parser.build();
            // a list without entries (or only other words, left out): no synonym step, which refuses an empty map
            return map.fst == null ? null : map;
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot read the synonyms " + (file == null ? "shipped with Evidens" : file)
                    + " at line " + e.getErrorOffset() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the synonyms file " + file + ": " + e.getMessage(), e);
        }
    }
}

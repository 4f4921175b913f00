package no.evidens.index;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Function-like verbs of a natural phrase ({@code får}, {@code blir}, {@code gjøre}, Bokmål and Nynorsk), which
 * Lucene's Norwegian stop words keep but which say nothing of what a passage is about: in a relaxed search they
 * count for no tier and weigh less ({@link QueryReader#tiered(Query, Set)}). Measured on the real-text dev queries
 * (docs/relevance-rounds.md): natural phrasing 0.870 → 0.897; every other kind unchanged. A strict search still needs them.
 * A question's degree word is weak the same way where it follows {@code hvor} or {@code kor} ({@code hvor ofte},
 * {@code hvor lang tid}, {@code kor mange}): it asks how much, not about what; elsewhere ({@code så ofte som
 * nødvendig}) it is an ordinary word. Nynorsk {@code kor} itself is weak: Lucene's stop words hold {@code hvor} and
 * {@code kvar} but not it. Words of need and of quantity that a question wraps round its subject ({@code trenger},
 * {@code bør}, {@code andre}, {@code flere}, {@code enkelte}, {@code ulike}) are weak too; a weak word is sought as
 * written, without the forms {@link WordForms} adds to other words (docs/relevance-rounds.md, twenty-second round: real-text
 * dev nDCG@10 0.846 → 0.852, natural phrasing 0.793 → 0.803, three queries up, none down). So are the light verb
 * {@code gå} ({@code hva går galt}, {@code korleis går det med}: reports write {@code det går fram av} everywhere) and the
 * praise a question wraps round its subject ({@code god rettleiing}, {@code godt nok}): twenty-seventh round, dev nDCG@10
 * 0.843 → 0.849, natural phrasing 0.804 → 0.813, four queries up, none down.
 */
final class WeakWords {
    /** The words, in the forms a query writes them (the analyzer gives their stems). */
    static final String WORDS = "få får fikk fått fekk bli blir ble blei blitt vart gjøre gjør gjorde gjort gjere gjer "
            + "gi gir ga gav gitt gje gjev ha har hadde hatt kan kunne skal skulle må måtte vil ville er var nok kor "
            + "trenger treng trengte trong bør burde andre flere fleire enkelte enkelt ulike "
            + "gå går gikk gjekk gått god godt gode";
    /** The words of {@link #WORDS}, one by one. */
    private static final Set<String> LISTED = Set.of(WORDS.split(" "));
    /** The question words a degree word follows, as a query writes them. */
    static final Set<String> DEGREE_QUESTION = Set.of("hvor", "kor");
    /** Degree words (how often, how long, how many, how much, how big, how fast, how old), Bokmål and Nynorsk. */
    static final Set<String> DEGREE_WORDS = Set.of("ofte", "lenge", "lang", "lange", "langt", "mange", "mye", "mykje",
            "stor", "store", "stort", "fort", "raskt", "snart", "tidlig", "tidleg", "gammel", "gamal", "gamle", "lite", "små");
    /** A weak word's score is its words' scores times this. */
    static final float WEIGHT = 0.3f;

    /**
     * Whether {@code word}, as the query writes it, is a weak word or a degree word ({@link #DEGREE_WORDS}, weak after a
     * question word): {@link WordForms} leaves such a word as it is, since a clause is weak only when every stem it seeks
     * is ({@link #isWeak}), and forms made for {@code gjorde}, {@code trenger} or {@code lenge} ({@code gjording},
     * {@code trengeren}, {@code lenging}) kept them out of the weak words before.
     */
    static boolean listed(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return LISTED.contains(w) || DEGREE_WORDS.contains(w);
    }

    /** The stems per analyzer: analysed once, not on every relaxed search. */
    private static final StemmedWords STEMS = new StemmedWords(WORDS);

    private WeakWords() {
    }

    /** The stems {@code analyzer} gives the weak words in the text field (the stop words among them give none). */
    static Set<String> stems(Analyzer analyzer) {
        return STEMS.stems(analyzer);
    }

    /**
     * The weak stems of one query: {@link #stems(Analyzer)} and those of the degree words that follow a question word
     * in {@code text} ({@code hvor ofte}: {@code ofte}).
     */
    static Set<String> stems(Analyzer analyzer, String text) {
        Set<String> weak = stems(analyzer);
        String[] words = QueryLanguage.SPACES.split(text.toLowerCase(Locale.ROOT).strip());
        StringBuilder degree = new StringBuilder();
        for (int i = 0; i + 1 < words.length; i++) {
            if (DEGREE_QUESTION.contains(words[i]) && DEGREE_WORDS.contains(words[i + 1])) {
                degree.append(words[i + 1]).append(' ');
            }
        }
        if (degree.length() == 0) {
            return weak;
        }
        Set<String> out = new HashSet<>(weak);
        out.addAll(StemmedWords.analysed(analyzer, degree.toString()));
        return Set.copyOf(out);
    }

    /** Whether every word one clause of a query looks for in the text is weak (a clause with no text word is not). */
    static boolean isWeak(Query clause, Set<String> weak) {
        if (weak.isEmpty()) {
            return false;
        }
        boolean[] any = {false};
        boolean[] all = {true};
        clause.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                for (Term t : terms) {
                    if (t.field().equals(PassageSchema.TEXT)) {
                        any[0] = true;
                        all[0] &= weak.contains(t.text());
                    }
                }
            }
        });
        return any[0] && all[0];
    }
}

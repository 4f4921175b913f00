package no.evidens.index;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * The parties a natural query names: the institutions and services a report is about (the hospital, the child welfare
 * service, Nav, the GP, the school, the health clinic). A report names the party in its heading or in a few passages and
 * writes {@code vi}, {@code tenesta} or nothing in the others, so a passage answering {@code sykehuset varslet …} often
 * lacks the word its document holds. In a relaxed search of {@value HeadingOnly#MIN_WORDS} or more words (a question or a
 * statement) a party word that the passage's document holds is worth {@value #SHARE} of a tier instead of
 * {@link DocumentWords#SHARE} ({@link DocumentWords}); the passage holding it still counts its tier besides, so the
 * question's content words stay the passage's own. Shorter searches, mostly keywords whose party is the topic
 * ({@code allmennlege samarbeid}), are as before. The municipality and the supervisor are the frame ({@link FrameWords}),
 * not parties: nearly every report holds them. Written from knowledge of the field, not from the queries; measured on the
 * real-text dev queries (docs/relevance-rounds.md, thirty-seventh round): nDCG@10 0.8504 → 0.8524, both halves of dev up,
 * recall@20 0.9068 → 0.9095; a share of 1 with the passage's own tier at 0.75 gave 0.8531 but cost one half's recall.
 */
final class PartyWords {
    /** The words, in the forms a query writes them (the analyzer gives their stems). */
    static final String WORDS = "sykehus sykehuset sjukehus sjukehuset nav barnevern barnevernet barneverntjeneste "
            + "barneverntjenesten barnevernstjenesten barneverntenesta barnevernstenesta fastlege fastlegen lege legen "
            + "skole skolen skule skulen helsestasjon helsestasjonen psykolog psykologen bydel bydelen sosialtjeneste "
            + "sosialtjenesten sosialtenesta politi politiet bup tingrett tingretten helsetjeneste helsetjenesten "
            + "helsetenesta spesialisthelsetjeneste spesialisthelsetjenesten ombud ombudet sivilombudet helsetilsynet "
            + "barnevernsinstitusjon barnevernsinstitusjonen institusjon institusjonen sykehjem sykehjemmet sjukeheim "
            + "fosterhjem fosterhjemmet verge vergen";
    /** A party word's share of a tier when the passage's document holds it (real-text dev nDCG@10 at 0.5 / 0.75 / 1: 0.8504 / 0.8524 / 0.8521). */
    static final float SHARE = 0.75f;

    /** The stems per analyzer: analysed once, not on every relaxed search. */
    private static final StemmedWords STEMS = new StemmedWords(WORDS);

    private PartyWords() {
    }

    /** The stems {@code analyzer} gives the party words in the text field. */
    static Set<String> stems(Analyzer analyzer) {
        return STEMS.stems(analyzer);
    }

    /**
     * The clauses of {@code words} (the tier words of the relaxed query {@code q}) that are party words ({@code stems}), by
     * identity, when {@code q} has at least {@link HeadingOnly#MIN_WORDS} words and one of {@code words} is not a party
     * word; else none.
     */
    static Set<Query> party(Query q, List<Query> words, Set<String> stems) {
        if (!(q instanceof BooleanQuery b) || b.clauses().size() < HeadingOnly.MIN_WORDS) {
            return Set.of();
        }
        Set<Query> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Query w : words) {
            if (FrameWords.isFrame(w, stems)) {
                out.add(w);
            }
        }
        return out.size() == words.size() ? Set.of() : out;
    }
}

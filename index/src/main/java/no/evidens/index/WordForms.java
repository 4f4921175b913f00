package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Forms of a query word that the analysis gives another stem, sought as synonyms of the word (one word to BM25: a
 * passage holding two of the forms is not counted twice). Lucene's stemmers have no exception lists; the index is
 * unchanged, so no re-ingest. A weak word ({@link WeakWords#listed}) is left as written: its forms' stems are not weak,
 * and a clause that seeks them would count for a tier. Nine rules, each from how Norwegian is written (and a strong
 * verb's other forms, {@link StrongVerbs}; and a noun's stems the stemmer leaves apart, {@link #otherStems}):
 * <ul>
 * <li>a word in {@code -er} may be a noun of the one who does something ({@code bruker}, {@code melder},
 * {@code klager}): the stemmers cut {@code bruker} to the verb's {@code bruk}, but {@code brukeren} and
 * {@code brukere} to {@code bruker} and {@code brukerne} to {@code brukern}, so a search for the word found none of
 * its other forms, in either analysis; it is also sought in the stems of those forms. A verb in {@code -er}
 * ({@code sikrer}) gains forms that no text holds;</li>
 * <li>a law's name is written with and without a linking {@code s} ({@code barnevernlova}, {@code barnevernslova};
 * {@code helsepersonelloven}), and a report cites it whichever way its author writes it; the other spelling is sought
 * too;</li>
 * <li>an adjective in {@code -lig} (Bokmål) is written {@code -leg} in Nynorsk ({@code forsvarlig},
 * {@code forsvarleg}; {@code tilstrekkelige}, {@code tilstrekkelege}), which the synonym list pairs for one word only
 * ({@code ansvarlig}); the other spelling is sought too;</li>
 * <li>a weak verb's past participle in {@code -et} is written {@code -ede} in its definite and plural form
 * ({@code samordnet}, {@code samordnede tjenester}; {@code avsluttet}, {@code avsluttede saker}): the stemmer cuts the
 * first to {@code samordn}, the second to {@code samordned}; the other form is sought too (the Nynorsk {@code -a},
 * {@code samordna}, already has the first one's stem);</li>
 * <li>a verb whose past participle ends in {@code -t} ({@code vurdere}, {@code vurderer}, {@code vurdert};
 * {@code dokumenterer}, {@code dokumentert}; {@code besøke}, {@code besøkt}): the stemmer cuts the infinitive and the
 * present to {@code vurder} but keeps the participle's {@code t} ({@code vurdert}, the past {@code vurderte}'s stem too),
 * so an auditor's {@code dokumenterer ikke} did not meet a report's {@code blir dokumentert}. A word in {@code -e},
 * {@code -er} or the Bokmål passive's {@code -es} after a vowel and one consonant that such verbs end in ({@link #PRESENT})
 * is also sought in {@code -t} ({@code publiseres} as {@code publisert}: the passive's stem is the present's, its
 * participle the same; real-text dev, thirty-first round, one query up and none down).
 * Only that way: the participle also sought as the present ({@code vurdert}, {@code vurderte} as {@code vurder}) moved
 * four real-text dev queries down and none up (docs/relevance-rounds.md, twenty-ninth round);</li>
 * <li>a noun in {@code -o} ({@code risiko}, {@code konto}) is written {@code risikoen}, {@code risikoer}: the analysis
 * folds the {@code oe} of those to {@code ø} (Lucene's Scandinavian normalisation, for {@code oe} written for
 * {@code ø}), so the forms got the stem {@code risikøn}, which never met {@code risiko}; each is also sought as the
 * other;</li>
 * <li>Nynorsk writes a verb's passive in {@code -ast} ({@code meldingane vurderast}, {@code saka skal handsamast}),
 * which the stemmer leaves whole, while it cuts the present and the Bokmål passive to the verb's stem ({@code vurderer},
 * {@code vurderar}, {@code vurderes} → {@code vurder}): a question's {@code vurderer ikkje} never met a report's
 * {@code vurderast}. A word in {@code -er}, {@code -ar} or {@code -es} is also sought in {@code -ast}, and a word in
 * {@code -ast} as the verb's infinitive (a noun in {@code -er} gains a form no text holds). Not from the infinitive
 * ({@code gjennomføre} as {@code gjennomførast}): that moved three real-text dev queries down and one up
 * (docs/relevance-rounds.md, twenty-ninth round), from the present and passive only one up and none down (thirtieth round);</li>
 * <li>a verb is also sought as the noun of its action ({@code kartlegger} → {@code kartlegging}, {@code flyttet} →
 * {@code flytting}, {@code henviste} → {@code henvisning}): the auditor asks with the verb, a report states its finding
 * with the noun ({@code kartlegger ikke} / {@code manglende kartlegging}). The forms are made by cutting a verb's
 * ending and adding {@code -ing} and {@code -ning}; a form that is no word costs a look-up that finds nothing. In
 * the text and the heading, not in the compound parts: there {@code melding} is a part of {@code bekymringsmelding}
 * or {@code tilbakemelding}, and a question's {@code melde} counted a tier for every such passage (real-text dev
 * 0.842 → 0.847, natural phrasing 0.769 → 0.778; docs/relevance-rounds.md);</li>
 * <li>in a heading, a word is also sought as the law named after it, written as one word ({@code helsevern} →
 * {@code helsevernloven}, {@code barnevern} → {@code barnevernsloven}): a heading that names a law says what the
 * passages under it are about. Not in the text, where a law's name is mostly a citation ({@code jf. barnevernloven
 * § 4-3}) that would let every citing passage tie the ones about the service (the parts field already holds a law's
 * name split, with less weight).</li>
 * </ul>
 */
final class WordForms {
    /** A plain word of at least five letters ending in {@code -er}. */
    private static final Pattern AGENT_NOUN = Pattern.compile("\\p{L}{3,}er");
    /** The endings of the noun's other forms: definite, plural, definite plural. */
    private static final String[] NOUN_FORMS = {"en", "e", "ne"};
    /** A law's name, with or without the linking s before {@code lov}: its subject, the s, and {@code lov} with its ending. */
    private static final Pattern LAW_NAME = Pattern.compile("(\\p{L}{4,}?)(s?)(lov(?:en|a|ene|ane)?)");
    /** An adjective in {@code -lig(e)} or {@code -leg(e)}: the stem before it, and the ending. */
    private static final Pattern ADJECTIVE = Pattern.compile("(\\p{L}{3,}l)(i|e)(ge?)");
    /** A verb of at least four letters before its ending: present, past, infinitive, Bokmål and Nynorsk. */
    private static final Pattern VERB = Pattern.compile("(\\p{L}{4,}?)(er|et|te|de|a|e)");
    /** A weak verb's past participle in {@code -et} or its definite and plural form in {@code -ede}: the stem, and the ending. */
    private static final Pattern PARTICIPLE = Pattern.compile("(\\p{L}{4,})(et|ede)");
    /**
     * A verb's infinitive, present or Bokmål passive whose participle may end in {@code -t}: a vowel and one consonant
     * before {@code -e}, {@code -er} or {@code -es}, at least five letters before the ending. Not after {@code d}, {@code g}, {@code t} or
     * {@code n}, where the word is mostly a participle ({@code avsluttede}), an adjective ({@code forsvarlige}) or a
     * definite plural ({@code tjenestene}).
     */
    private static final Pattern PRESENT = Pattern.compile("(\\p{L}*[aeiouyæøå][bfklmprsv])(er|es|e)");
    /** A noun in {@code -o}, bare or with the ending of its definite, plural or definite plural form. */
    private static final Pattern O_NOUN = Pattern.compile("(\\p{L}{3,}o)(en|er|ene)?");
    /** The endings of a noun in {@code -o}'s other forms. */
    private static final String[] O_NOUN_FORMS = {"en", "er", "ene"};
    /**
     * A verb's present in {@code -er} (Bokmål and Nynorsk) or {@code -ar} (Nynorsk), or its passive in {@code -es}
     * (Bokmål): the verb before the ending, at least four letters.
     */
    private static final Pattern PRESENT_OR_PASSIVE = Pattern.compile("(\\p{L}{4,})(er|ar|es)");
    /** A Nynorsk passive in {@code -ast}: the verb before it. */
    private static final Pattern NYNORSK_PASSIVE = Pattern.compile("(\\p{L}{4,})ast");
    /** The endings of a verb's noun of action. */
    private static final String[] ACTION_NOUN = {"ing", "ning"};

    private WordForms() {
    }

    /** The forms of {@code word} the analysis may not join to it (none for most words). */
    static List<String> forms(String word) {
        List<String> out = new ArrayList<>();
        String w = word.toLowerCase(Locale.ROOT);
        if (AGENT_NOUN.matcher(w).matches()) {
            for (String ending : NOUN_FORMS) {
                out.add(w + ending);
            }
        }
        Matcher law = LAW_NAME.matcher(w);
        if (law.matches()) {
            out.add(law.group(1) + (law.group(2).isEmpty() ? "s" : "") + law.group(3));
        }
        Matcher adjective = ADJECTIVE.matcher(w);
        if (adjective.matches()) {
            out.add(adjective.group(1) + ("i".equals(adjective.group(2)) ? "e" : "i") + adjective.group(3));
        }
        Matcher present = PRESENT.matcher(w);
        if (present.matches() && present.group(1).length() >= 5) {
            out.add(present.group(1) + "t");
        }
        Matcher o = O_NOUN.matcher(w);
        if (o.matches() && o.group(2) == null) {
            for (String ending : O_NOUN_FORMS) {
                out.add(w + ending);
            }
        } else if (o.matches()) {
            out.add(o.group(1));
        }
        Matcher participle = PARTICIPLE.matcher(w);
        if (participle.matches()) {
            out.add(participle.group(1) + ("et".equals(participle.group(2)) ? "ede" : "et"));
        }
        Matcher finite = PRESENT_OR_PASSIVE.matcher(w);
        if (finite.matches()) {
            out.add(finite.group(1) + "ast");
        }
        Matcher passive = NYNORSK_PASSIVE.matcher(w);
        if (passive.matches()) {
            out.add(passive.group(1) + "e");
        }
        return out;
    }

    /**
     * {@code q}, the analysed query for {@code word} in {@code field}, as a synonym query of the word and the stems
     * of its {@link #forms}, {@link #actionNouns} and (in a heading) {@link #lawForms} when they add any; else
     * {@code q} itself.
     */
    static Query widened(Query q, String field, String word, Analyzer analyzer) {
        if (!(q instanceof TermQuery || q instanceof SynonymQuery) || WeakWords.listed(word)) {
            // a weak word widened would seek stems that are not weak, and so count for a tier again
            return q;
        }
        List<String> forms = new ArrayList<>(forms(word));
        Set<String> stems = new LinkedHashSet<>();
        // The analyzer's terms are UTF-8 it wrote itself: decoded directly (Term.text() checks them with a new charset
        // decoder each time, for terms that may not be text at all), the same strings.
        if (q instanceof TermQuery t) {
            stems.add(t.getTerm().bytes().utf8ToString());
        } else {
            for (Term t : ((SynonymQuery) q).getTerms()) {
                stems.add(t.bytes().utf8ToString());
            }
        }
        int before = stems.size();
        if (!PassageSchema.PARTS.equals(field)) {
            // a compound's part is another thing than the verb's act: melde is not the melding of bekymringsmelding
            forms.addAll(actionNouns(word));
        }
        forms.addAll(StrongVerbs.forms(word));
        if (PassageSchema.HEADING.equals(field)) {
            for (String stem : List.copyOf(stems)) {
                forms.addAll(lawForms(stem));
            }
        }
        for (String form : forms) {
            String stem = oneStem(analyzer, field, form);
            if (stem != null) {
                stems.add(stem);
            }
        }
        for (String stem : List.copyOf(stems).subList(0, before)) {
            stems.addAll(otherStems(stem));
        }
        if (stems.size() == before) {
            return q;
        }
        SynonymQuery.Builder out = new SynonymQuery.Builder(field);
        for (String s : stems) {
            out.addTerm(new Term(field, s));
        }
        return out.build();
    }

    /** A stem ending in a vowel and a doubled {@code m}: the part before the second {@code m}. */
    private static final Pattern DOUBLED_M = Pattern.compile("(\\p{L}+[aeiouyæøå]m)m");
    /** A stem ending in a consonant (once or doubled), an {@code e} and {@code l}: the part before, and the consonant. */
    private static final Pattern EL_NOUN = Pattern.compile("(\\p{L}{2,}?)([^aeiouyæøå])\\2?el");
    /** A stem ending in a consonant other than {@code l} and an {@code l}: the part before, and the consonant. */
    private static final Pattern SYNCOPATED = Pattern.compile("(\\p{L}{2,})([^aeiouyæøål])l");

    /**
     * The stems the analysis gives a word's other forms, made from the word's own stem, when the stemmer's cut leaves
     * them apart (none for most stems). Two rules, both from how Norwegian inflects a noun:
     * <ul>
     * <li>a final {@code m} is doubled before an ending ({@code fosterhjem}, {@code fosterhjemmet}; {@code program},
     * {@code programmet}), and the stemmer keeps the doubled one ({@code fosterhjemm}); no indefinite form ends in
     * {@code mm}, so such a stem is also sought with one {@code m}. The other way is left to the compound parts, which
     * hold {@code fosterhjem} for a passage's {@code fosterhjemmet}; sought in the text as well it lifted passages
     * holding both forms (real-text dev: {@code kvalifiseringsprogram} 0.961 → 0.888; docs/relevance-rounds.md, twenty-eighth
     * round);</li>
     * <li>a noun in {@code -el} drops its {@code e} before an ending, and a doubled consonant before it with it
     * ({@code varsel}, {@code varsler}; {@code hjemmel}, {@code hjemler}; {@code regel}, {@code regler}): the stemmer
     * cuts the first to {@code varsel}, the second to {@code varsl}, which is also the stem of the verb's {@code varslet};
     * each is also sought as the other ({@code varsl} as {@code varsel} and {@code varssel}, since which consonant was
     * doubled cannot be told: a stem no passage holds costs a look-up that finds nothing).</li>
     * </ul>
     */
    static List<String> otherStems(String stem) {
        List<String> out = new ArrayList<>();
        Matcher doubled = DOUBLED_M.matcher(stem);
        if (doubled.matches()) {
            out.add(doubled.group(1));
        }
        Matcher el = EL_NOUN.matcher(stem);
        if (el.matches()) {
            out.add(el.group(1) + el.group(2) + "l");
        }
        Matcher cut = SYNCOPATED.matcher(stem);
        if (cut.matches()) {
            out.add(cut.group(1) + cut.group(2) + "el");
            out.add(cut.group(1) + cut.group(2) + cut.group(2) + "el");
        }
        return out;
    }

    /** The nouns of action {@code word} may have if it is a verb (none when it cannot be one). */
    static List<String> actionNouns(String word) {
        Matcher m = VERB.matcher(word.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String ending : ACTION_NOUN) {
            out.add(m.group(1) + ending);
        }
        return out;
    }

    /** A law named after what the stem names, written as one word with it, with and without a linking s. */
    static List<String> lawForms(String stem) {
        if (stem.length() < 5 || stem.endsWith("lov") || !stem.chars().allMatch(Character::isLetter)) {
            return List.of();
        }
        return List.of(stem.endsWith("l") ? stem + "oven" : stem + "loven", stem + "sloven");
    }

    /** The one term {@code analyzer} makes of {@code form} in {@code field}, or null when it makes none or several. */
    static String oneStem(Analyzer analyzer, String field, String form) {
        String only = null;
        try (TokenStream ts = analyzer.tokenStream(field, form)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (only != null && !only.contentEquals(term)) {
                    only = null;
                    break;
                }
                only = term.toString();
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse " + form, e);
        }
        return only;
    }
}

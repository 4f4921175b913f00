package no.evidens.index;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Reads the user's query text. Lucene's classic query syntax (words, "phrases", -exclude, OR,
 * prefix*, "a b"~10, field:value) with all words required unless OR is written.
 */
final class QueryReader {
    /** The score a relaxed query gives each of its words a passage holds: above any score from the words' statistics. */
    static final float WORD_TIER = 1000f;
    /** A compound word sought as its halves is worth this much of a tier when a passage holds both. */
    static final float SPLIT_TIER = WORD_TIER * 0.5f;
    /**
     * A word a passage holds only through a synonym entry naming the same thing in other words ({@link SynonymList})
     * is worth this much of a tier: the word's own forms (and its spellings, abbreviations) first, its other names next.
     * Chosen on the real-text set's dev queries (0.3 / 0.4 / 0.5 / 0.6 / 0.7 of a tier: nDCG@10 0.873 / 0.873 / 0.875 /
     * 0.875 / 0.875).
     */
    static final float OTHER_WORDS_TIER = WORD_TIER * 0.5f;
    /** The field names a user may write, Norwegian and English, and the fields they search. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("type", PassageSchema.TYPE), Map.entry("dokumenttype", PassageSchema.TYPE),
            Map.entry("sak", PassageSchema.CASE), Map.entry("case", PassageSchema.CASE),
            Map.entry("fil", PassageSchema.FILE), Map.entry("file", PassageSchema.FILE),
            Map.entry("indikator", PassageSchema.INDICATOR_QUERY), Map.entry("indicator", PassageSchema.INDICATOR_QUERY),
            Map.entry("lov", PassageSchema.LAW), Map.entry("sitat", PassageSchema.HAS_QUOTE),
            Map.entry("kommune", PassageSchema.MUNICIPALITY), Map.entry("tjeneste", PassageSchema.SERVICE),
            Map.entry("teneste", PassageSchema.SERVICE), Map.entry("år", PassageSchema.YEAR), Map.entry("ar", PassageSchema.YEAR),
            Map.entry("year", PassageSchema.YEAR),
            Map.entry("tekst", PassageSchema.TEXT), Map.entry("text", PassageSchema.TEXT),
            Map.entry("overskrift", PassageSchema.HEADING), Map.entry("heading", PassageSchema.HEADING));

    /** Fields that only passages have (a document's entry has none of them). */
    private static final Set<String> PASSAGE_ONLY_FIELDS = Set.of(PassageSchema.TEXT, PassageSchema.PARTS, PassageSchema.HEADING,
            PassageSchema.INDICATOR, PassageSchema.INDICATOR_QUERY, PassageSchema.LAW, PassageSchema.HAS_QUOTE,
            PassageSchema.MUNICIPALITY, PassageSchema.SERVICE, PassageSchema.YEAR);

    private final Analyzer analyzer;
    /** The analyzer without the synonyms naming a thing in other words, or null when the list has none. */
    private final Analyzer sameWords;

    QueryReader(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.sameWords = analyzer instanceof NorwegianAnalysis.QueryAnalyzer q ? q.sameWords() : null;
    }

    Query read(String text) {
        return read(text, QueryParser.Operator.AND);
    }

    /**
     * The query with every word required (AND), or with any word enough, more words scoring higher (OR): a
     * {@link ScoredQuery}, whose matching part is the words as parsed and whose ranking part adds the relaxed
     * search's tiers, the word pairs and the evidence prior.
     */
    Query read(String text, QueryParser.Operator operator) {
        return read(text, operator, null);
    }

    /**
     * As {@link #read(String, QueryParser.Operator)}, with the words of {@code reader}'s index known: a compound
     * word no passage holds is sought as its two halves ({@link UnknownCompounds}). A null reader: as written.
     */
    Query read(String text, QueryParser.Operator operator, IndexReader reader) {
        try {
            return readWithin(text, operator, reader);
        } catch (IndexSearcher.TooManyClauses e) {
            // the ranking's tiers add a clause per word: a query of more words than Lucene's limit of parts
            throw tooMany(text);
        }
    }

    private Query readWithin(String text, QueryParser.Operator operator, IndexReader reader) {
        Map<String, List<String>> halves = reader == null ? Map.of() : UnknownCompounds.split(text, analyzer, reader);
        Set<Query> split = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Query, Query> own = new IdentityHashMap<>();
        Query q = parse(text, operator, halves, split, own);
        Set<String> weak = operator == QueryParser.Operator.OR ? WeakWords.stems(analyzer, text) : Set.of();
        List<Query> words = operator == QueryParser.Operator.OR ? tierWords(q, weak, split) : List.of();
        Set<Query> frame = operator == QueryParser.Operator.OR ? FrameWords.frame(words, FrameWords.stems(analyzer)) : Set.of();
        Set<Query> party = operator == QueryParser.Operator.OR ? PartyWords.party(q, words, PartyWords.stems(analyzer)) : Set.of();
        Query ranked = operator == QueryParser.Operator.OR
                ? CountAnswers.added(NearbyWords.added(DocumentWords.added(tiered(q, weak, split, own, frame), words, party),
                        words), text, analyzer)
                : q;
        return ScoredQuery.of(q, EvidencePrior.added(WordPairs.added(ranked, text, analyzer), analyzer));
    }

    /**
     * Any word enough, ranked in tiers by how many of the query's words a passage holds (in any inflection,
     * synonym or compound part the analysis gives it), by score within a tier: a short passage that holds
     * the key words comes before a long one with many matches of some of them. Lucene dropped its
     * coordination factor, so each word's clause is added again as a constant of {@value #WORD_TIER}, more
     * than any passage's score from the words themselves.
     */
    static Query tiered(Query q) {
        return tiered(q, Set.of());
    }

    /**
     * As {@link #tiered(Query)}, with the words of {@code weak} (stems, {@link WeakWords}) kept out of the tiers
     * and weighed less: a passage holding {@code får} is no nearer the need than one that does not.
     */
    static Query tiered(Query q, Set<String> weak) {
        return tiered(q, weak, Set.of());
    }

    /**
     * As {@link #tiered(Query, Set)}, with the clauses of {@code split} (a compound word sought as its halves,
     * {@link UnknownCompounds}) one word: each half a passage holds is worth its share of the word's tier, so a
     * split word does not count twice beside the query's other words.
     */
    static Query tiered(Query q, Set<String> weak, Set<Query> split) {
        return tiered(q, weak, split, Map.of());
    }

    /**
     * As {@link #tiered(Query, Set, Set)}, with {@code own} giving, for a word that a synonym entry naming the same
     * thing in other words widened, the query of its own forms: a passage holding those has the word's tier, one
     * holding only the other words {@value #OTHER_WORDS_TIER}.
     */
    static Query tiered(Query q, Set<String> weak, Set<Query> split, Map<Query, Query> own) {
        return tiered(q, weak, split, own, Set.of());
    }

    /**
     * As {@link #tiered(Query, Set, Set, Map)}, with the clauses of {@code frame} (by identity: the query's frame words,
     * {@link FrameWords}) worth {@link FrameWords#SHARE} of a tier.
     */
    static Query tiered(Query q, Set<String> weak, Set<Query> split, Map<Query, Query> own, Set<Query> frame) {
        if (!(q instanceof BooleanQuery b) || b.clauses().size() < 2) {
            return q;
        }
        BooleanQuery.Builder out = new BooleanQuery.Builder();
        for (BooleanClause c : b.clauses()) {
            if (c.getOccur() != BooleanClause.Occur.SHOULD) {
                out.add(c);
            } else if (split.contains(c.getQuery()) && c.getQuery() instanceof BooleanQuery halves) {
                out.add(c);
                for (BooleanClause h : halves.clauses()) {
                    out.add(new BoostQuery(new ConstantScoreQuery(h.getQuery()), SPLIT_TIER / halves.clauses().size()),
                            BooleanClause.Occur.SHOULD);
                }
            } else if (WeakWords.isWeak(c.getQuery(), weak)) {
                out.add(new BoostQuery(c.getQuery(), WeakWords.WEIGHT), BooleanClause.Occur.SHOULD);
            } else if (own.containsKey(c.getQuery())) {
                out.add(c);
                out.add(new DisjunctionMaxQuery(List.of(
                        new BoostQuery(new ConstantScoreQuery(own.get(c.getQuery())), WORD_TIER),
                        new BoostQuery(new ConstantScoreQuery(c.getQuery()), OTHER_WORDS_TIER)), 0f), BooleanClause.Occur.SHOULD);
            } else {
                out.add(c);
                float tier = frame.contains(c.getQuery()) ? WORD_TIER * FrameWords.SHARE : WORD_TIER;
                out.add(HeadingOnly.tier(c.getQuery(), tier, b.clauses().size()), BooleanClause.Occur.SHOULD);
            }
        }
        return out.build();
    }

    /** The words of a relaxed query that make a tier of their own (neither weak nor half of a split compound). */
    static List<Query> tierWords(Query q, Set<String> weak, Set<Query> split) {
        if (!(q instanceof BooleanQuery b) || b.clauses().size() < 2) {
            return List.of();
        }
        List<Query> out = new java.util.ArrayList<>();
        for (BooleanClause c : b.clauses()) {
            if (c.getOccur() == BooleanClause.Occur.SHOULD && !split.contains(c.getQuery()) && !WeakWords.isWeak(c.getQuery(), weak)) {
                out.add(c.getQuery());
            }
        }
        return out;
    }

    private Query parse(String text, QueryParser.Operator operator, Map<String, List<String>> halves, Set<Query> split,
                        Map<Query, Query> own) {
        // Words are sought in the passage text and, with less weight, in its compound parts and in the
        // heading it stands under.
        QueryParser parser = new AliasingParser(analyzer, halves, split, sameWords, own);
        parser.setDefaultOperator(operator);
        parser.setSplitOnWhitespace(true);
        try {
            Query q = parser.parse(slashesEscaped(text));
            if (q == null || writesNothing(q)) {
                throw new QuerySyntaxException("the query \"" + shown(text) + "\" has no searchable words "
                        + "(very common words like \"og\" and \"i\" are not searched on their own)", "query.no-words", List.of(shown(text)));
            }
            if (onlyExcludes(q)) {
                // Lucene finds nothing for a query of NOT alone: said, rather than answered with no hits
                throw new QuerySyntaxException("the query \"" + shown(text) + "\" only names words to leave out (NOT, -): "
                        + "add a word to search for, e.g. tiltaksplan -evaluering", "query.only-not", List.of(shown(text)));
            }
            return q;
        } catch (AliasingParser.UnknownField e) {
            throw unknownField(text, e.name);
        } catch (ParseException e) {
            if (e.getCause() instanceof AliasingParser.UnknownField u) {
                throw unknownField(text, u.name);
            }
            if (e.getCause() instanceof IndexSearcher.TooManyClauses) {
                throw tooMany(text); // the parser's own words for it are "too many boolean clauses"
            }
            String[] hint = hint(text);
            throw new QuerySyntaxException("cannot read the query \"" + shown(text) + "\": " + hint[1]
                    + " (check that quotes and brackets are closed and that a field name is followed by a value, e.g. type:journal)",
                    "query.syntax." + hint[0], List.of(shown(text)));
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooMany(text);
        }
    }

    /** A query of more parts than Lucene takes: too many words, or a prefix or fuzzy word that stands for too many. */
    private static QuerySyntaxException tooMany(String text) {
        String shown = shown(text);
        return new QuerySyntaxException("the query \"" + shown + "\" has too many words, or a prefix* or ~ that stands for "
                + "too many: use fewer words or a longer prefix", "query.too-many", List.of(shown));
    }

    /** Most characters of the query a message repeats: a query pasted whole from a page is not echoed whole. */
    static final int SHOWN_CHARS = 120;

    /** The query as a message repeats it: cut after {@value #SHOWN_CHARS} characters, with "…". */
    static String shown(String text) {
        if (text.length() <= SHOWN_CHARS) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(SHOWN_CHARS)) ? SHOWN_CHARS - 1 : SHOWN_CHARS;
        return text.substring(0, end) + "…";
    }

    /**
     * Whether {@code q} is the parser's answer to text without a searchable word: a Boolean query of no clauses, the one
     * query whose text is empty (before, the whole query was written out to see that, 0.7% of a one-word search).
     */
    /** Whether every part of the query is one to leave out ({@code NOT plan}, {@code -plan -tiltak}). */
    private static boolean onlyExcludes(Query q) {
        return q instanceof BooleanQuery b && !b.clauses().isEmpty()
                && b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT);
    }

    private static boolean writesNothing(Query q) {
        return q instanceof BooleanQuery b && b.clauses().isEmpty() && b.getMinimumNumberShouldMatch() == 0;
    }

    private static QuerySyntaxException unknownField(String text, String name) {
        String fields = String.join(", ", new java.util.TreeSet<>(FIELDS.keySet()));
        return new QuerySyntaxException("the query \"" + shown(text) + "\" names an unknown field '" + name + "': use " + fields
                + " (or put the words in quotes)", "query.unknown-field", List.of(shown(text), name, fields));
    }

    /**
     * Whether the query can only match passages: every word, phrase, prefix or range in it is on a
     * field that documents' entries lack (anything else, e.g. {@code *:*}, answers false). Such a query
     * needs no filter to passages, which would cost a step through a list of nearly every entry.
     */
    static boolean matchesPassagesOnly(Query query) {
        boolean[] only = {true};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                for (Term t : terms) {
                    only[0] &= PASSAGE_ONLY_FIELDS.contains(t.field());
                }
            }

            @Override
            public void visitLeaf(Query q) {
                only[0] &= q instanceof MultiTermQuery m && PASSAGE_ONLY_FIELDS.contains(m.getField());
            }

            @Override
            public boolean acceptField(String field) {
                only[0] &= PASSAGE_ONLY_FIELDS.contains(field);
                return true;
            }
        });
        return only[0];
    }

    /**
     * Whether every part of the query that scores is a word (a term, or a word and its synonyms): then
     * Lucene's block maxima of scores are exact bounds, and skipping by them loses no hit that ties the
     * last one on a page. Phrases, prefixes and the like answer false.
     */
    static boolean scoresFromTermsOnly(Query query) {
        boolean[] terms = {true};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... t) {
                terms[0] &= q instanceof TermQuery || q instanceof SynonymQuery;
            }

            @Override
            public void visitLeaf(Query q) {
                terms[0] = false;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                // an excluded part does not score
                return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        return terms[0];
    }

    /**
     * The text with every {@code /} outside a quoted phrase escaped. Lucene's classic syntax reads
     * {@code /.../} as a regular expression, which the search help does not offer, so a path such as
     * {@code fil:journaler/notat.txt} would be refused; escaped, the slash is an ordinary character.
     */
    static String slashesEscaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                out.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '/' && !quoted) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** What is wrong with a query the parser refused: its key and its English wording. */
    private static String[] hint(String text) {
        long quotes = text.chars().filter(c -> c == '"').count();
        if (quotes % 2 != 0) {
            return new String[] {"quote", "a quotation mark \" is not closed"};
        }
        if (text.chars().filter(c -> c == '(').count() != text.chars().filter(c -> c == ')').count()) {
            return new String[] {"brackets", "brackets ( ) do not pair up"};
        }
        if (text.strip().matches("[*?\\s]+")) {
            return new String[] {"wildcard-alone", "a * or ? stands for letters of a word and cannot stand alone"};
        }
        if (text.strip().endsWith(":")) {
            return new String[] {"colon", "a field name has no value after the colon"};
        }
        return new String[] {"other", "its syntax is not valid"};
    }
}

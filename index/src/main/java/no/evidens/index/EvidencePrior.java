package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * A small bonus at query time for passages that read as a supervisor's finding: those the tagger marks with an
 * indicator of the codebook's {@code FUNN} category (avvik, merknad, lovbrudd, funn), and those holding the verbs
 * of a report's conclusion ({@code Kommunen sikrer ikke at …}, {@code sørger for}) outside a statement of the audit's
 * scope ({@code har vurdert om kommunen sikrer at …}: {@link ScopeStatements}). Fields the index already has,
 * no change of its format; each bonus is one constant-score clause beside the query, so it only orders passages
 * that match the query anyway (never above a passage holding more of a relaxed query's words: a tier is 1000).
 * Measured on the real-text dev queries (docs/relevance-rounds.md): 0.913 → 0.921, the scope rule 0.922 → 0.924. Tried and not kept: a bonus for a
 * quotation, a cut for passages under a background heading (Sakens bakgrunn, Saksforholdet), a bonus for finding
 * headings, and a finding bonus worth part of a tier.
 */
final class EvidencePrior {
    /** The default codebook's indicators of the {@code FUNN} category, as the index holds them. */
    static final List<String> FINDING_INDICATORS = List.of("avvik", "funn", "lovbrudd", "merknad");
    static final float FINDING = 0.5f;
    /** The verbs a report's conclusions are written with, Bokmål and Nynorsk. */
    static final String CONCLUSION_WORDS = "sikrer sikrar sørger sørgjer";
    static final float CONCLUSION = 0.6f;
    private static final PriorQuery.Bonus FINDINGS = bonus(findings(), FINDING);
    /** The conclusion bonus per analyzer: analysed once, not on every search. */
    private static final Map<Analyzer, Optional<PriorQuery.Bonus>> CONCLUSIONS = Collections.synchronizedMap(new WeakHashMap<>());

    private EvidencePrior() {
    }

    /**
     * {@code q} with the bonuses beside it ({@link PriorQuery}: scored as optional constant clauses, which the
     * highlighter never shows, {@link ScoreOnly}); they change no hit, and a search that only counts takes {@code q}
     * without them ({@link ScoredQuery}).
     */
    static Query added(Query q, Analyzer analyzer) {
        Optional<PriorQuery.Bonus> conclusions = CONCLUSIONS.computeIfAbsent(analyzer,
                a -> Optional.ofNullable(conclusions(a)).map(c -> bonus(c, CONCLUSION)));
        return new PriorQuery(q, conclusions.map(c -> List.of(FINDINGS, c)).orElse(List.of(FINDINGS)));
    }

    /** A bonus of {@code q} rewritten once ({@link #rewritten}), settled when its rewriting reads no index. */
    private static PriorQuery.Bonus bonus(Query q, float weight) {
        return new PriorQuery.Bonus(rewritten(q), weight, RewriteReadsNoIndex.test(q));
    }

    /**
     * {@code q} as Lucene rewrites it for a search, done once here: a bonus is the same on every search, and rewritten
     * there it became a new query each time (duplicate words merged), so its parts were rewritten again and the
     * bonuses' entries ({@link BonusDocs}) were looked up by comparing whole queries, 3% of a one-word search's
     * processor time. Only a query whose rewriting reads no index ({@link RewriteReadsNoIndex}); any other is kept as
     * it is. A search rewrites it as before, to itself.
     */
    static Query rewritten(Query q) {
        if (!RewriteReadsNoIndex.test(q)) {
            return q;
        }
        try (MultiReader none = new MultiReader()) {
            return new IndexSearcher(none).rewrite(q);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + q, e);
        }
    }

    /** Passages holding a verb of a conclusion, not as part of the audit's scope ({@link ScopeStatements}). */
    private static Query conclusions(Analyzer analyzer) {
        Query words = new QueryBuilder(analyzer).createBooleanQuery(PassageSchema.TEXT, CONCLUSION_WORDS);
        Query scope = ScopeStatements.query(analyzer, CONCLUSION_WORDS);
        if (words == null || scope == null) {
            return words;
        }
        return new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST).add(scope, BooleanClause.Occur.MUST_NOT).build();
    }

    private static Query findings() {
        BooleanQuery.Builder findings = new BooleanQuery.Builder();
        for (String id : FINDING_INDICATORS) {
            findings.add(new TermQuery(new Term(PassageSchema.INDICATOR, id)), BooleanClause.Occur.SHOULD);
        }
        return findings.build();
    }
}

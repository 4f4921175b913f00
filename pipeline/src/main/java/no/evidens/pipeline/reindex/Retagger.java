package no.evidens.pipeline.reindex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.index.StoredDocument;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.analyse.DocumentAnalysis;
import no.evidens.pipeline.normalise.NormalisedText;
import no.evidens.pipeline.normalise.TextNormaliser;
import no.evidens.pipeline.passages.PassageBuilder;

/**
 * Tags one stored document again and builds its passages again, from the text the index holds: the same steps as an
 * ingestion's after its normalisation (the tagger, then the passage builder), so a document re-tagged comes out as the same
 * text ingested today would. Thread-safe.
 */
final class Retagger {
    private final DocumentAnalyser analyser;
    private final PassageBuilder builder = new PassageBuilder();

    Retagger(DocumentAnalyser analyser) {
        this.analyser = analyser;
    }

    /**
     * The document's passages as today's taggers make them, and how they compare with those stored.
     *
     * @param passages the new passages (the document's entry itself stays as stored)
     * @param same     whether they carry exactly what the stored ones do (same cuts, ids and tags): nothing to write
     * @param kept     how many new passages have a stored one's id with the same place in the text
     */
    record Retagged(List<Passage> passages, boolean same, int kept) {
    }

    Retagged retag(StoredDocument stored) {
        IndexedDocument d = stored.document();
        NormalisedText text = TextNormaliser.restored(d.text(), d.pageStarts());
        DocumentAnalysis analysis = analyser.tagForIndex(d.file(), d.sha256(), d.mediaType(), text);
        List<Passage> passages = new ArrayList<>(builder.build(
                new PassageBuilder.Source(d.caseId(), d.docId(), d.file(), d.type(), d.title(), stored.facets()), analysis));
        return new Retagged(passages, same(stored.passages(), passages), kept(stored.passages(), passages));
    }

    /** Whether two lists of a document's passages cut and tag it alike (a law's letters compared as the index keeps them). */
    static boolean same(List<Passage> before, List<Passage> after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            Passage a = before.get(i);
            Passage b = after.get(i);
            boolean alike = a.passageId().equals(b.passageId()) && a.start() == b.start() && a.end() == b.end()
                    && a.page() == b.page() && Objects.equals(a.heading(), b.heading()) && a.quotes().equals(b.quotes())
                    && a.indicators().equals(b.indicators()) && lower(a.laws()).equals(lower(b.laws()))
                    && a.indicatorReasons().equals(b.indicatorReasons());
            if (!alike) {
                return false;
            }
        }
        return true;
    }

    /** How many of the new passages keep a stored passage's id for the same span. */
    static int kept(List<Passage> before, List<Passage> after) {
        Map<String, Passage> byId = new HashMap<>();
        before.forEach(p -> byId.put(p.passageId(), p));
        int n = 0;
        for (Passage p : after) {
            Passage old = byId.get(p.passageId());
            if (old != null && old.start() == p.start() && old.end() == p.end()) {
                n++;
            }
        }
        return n;
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}

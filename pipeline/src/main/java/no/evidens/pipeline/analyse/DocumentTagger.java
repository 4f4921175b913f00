package no.evidens.pipeline.analyse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.indicator.IndicatorCategories;
import no.evidens.models.indicator.IndicatorClassifier;
import no.evidens.models.indicator.ParagraphIndicators;
import no.evidens.models.tag.IndicatorMention;
import no.evidens.models.tag.IndicatorTagger;
import no.evidens.models.tag.LegalRefTagger;
import no.evidens.models.tag.LegalReference;
import no.evidens.models.tag.PiiTagger;
import no.evidens.models.tag.QuoteTagger;
import no.evidens.models.tag.Quotation;
import no.evidens.pipeline.normalise.NormalisedText;

/**
 * Runs the Norwegian taggers of {@code models} over a normalised document (no sentence crosses a
 * paragraph) and places every span on its page: sentences, quotations, indicator mentions, legal
 * references, personal data and names. Names are found document by document, so that a full name
 * early on helps recognise the surname alone later.
 *
 * <p>The indicator codebook is given by the caller (the {@code --codebook} option, the home folder's
 * {@code codebook.yaml}, or the default shipped in {@code models}). Running headers and footers are not
 * looked for here: the normaliser found them, and {@link NormalisedText#furniture()} says where they are.
 */
public final class DocumentTagger {
    private final NorwegianModels models;
    private final Codebook codebook;
    private final QuoteTagger quotes = new QuoteTagger();
    private final LegalRefTagger legalRefs = new LegalRefTagger();
    private final PiiTagger piiTagger = new PiiTagger();
    /** Built on first use: compiling the codebook's patterns loads the tokenizer model. */
    private volatile IndicatorTagger indicators;
    /** The paragraph classifier that brings recall beside the codebook (null when no model is bundled). */
    private final ParagraphIndicators paragraphIndicators;

    public DocumentTagger(NorwegianModels models, Codebook codebook) {
        this.models = models;
        this.codebook = codebook;
        this.paragraphIndicators = new ParagraphIndicators(codebook, Classifier.BUNDLED);
    }

    /** The bundled indicator classifier, read once. */
    private static final class Classifier {
        static final IndicatorClassifier BUNDLED = IndicatorClassifier.bundled();
    }

    /** The bundled indicator classifier, read now if it was not yet (a tagger's start reads it otherwise). */
    static IndicatorClassifier bundledClassifier() {
        return Classifier.BUNDLED;
    }

    /** Compiles the codebook's patterns now rather than at the first document tagged. */
    void prepare() {
        indicatorTagger();
    }

    /** The codebook this tagger finds indicators with. */
    public Codebook codebook() {
        return codebook;
    }

    private IndicatorTagger indicatorTagger() {
        IndicatorTagger t = indicators;
        if (t == null) {
            // Two threads may both build it; either result is the same.
            t = new IndicatorTagger(codebook, models);
            indicators = t;
        }
        return t;
    }

    /** Everything: sentences, quotations, indicators, legal references, personal data and names ({@code analyze}). */
    public Tags tag(NormalisedText doc) {
        return tag(doc, true);
    }

    /**
     * What the index keeps of a document: its sentences (the passages' cuts), quotations, indicators and legal references,
     * without its names and personal data, which no index field, passage or receipt holds (the export's anonymisation finds
     * them in a quotation's document each time it exports): {@link Tags#pii()} and {@link Tags#entities()} are empty. The
     * name finder and its rules were some half of the tagging's CPU in every ingest since the first rounds (round 54).
     */
    public Tags tagForIndex(NormalisedText doc) {
        return tag(doc, false);
    }

    private Tags tag(NormalisedText doc, boolean persons) {
        String text = doc.text();
        List<TaggedSpan> sentenceSpans = models.sentences(text);
        List<Spans.Sentence> sentences = new ArrayList<>(sentenceSpans.size());
        List<List<TaggedSpan>> tokens = new ArrayList<>(sentenceSpans.size());
        for (TaggedSpan s : sentenceSpans) {
            sentences.add(new Spans.Sentence(s.start(), s.end(), doc.pageOf(s.start())));
            tokens.add(models.tokensOfSentence(s.cut(text)));
        }
        List<Spans.Entity> entities = new ArrayList<>();
        List<Spans.Pii> pii = new ArrayList<>();
        if (persons) {
            names(doc, sentenceSpans, tokens, entities, pii);
            for (TaggedSpan p : piiTagger.tag(text)) {
                pii.add(new Spans.Pii(p.type(), p.start(), p.end(), doc.pageOf(p.start())));
            }
            pii.sort(Comparator.comparingInt(Spans.Pii::start).thenComparing(Spans.Pii::type));
        }

        List<Spans.Quote> quoteSpans = new ArrayList<>();
        boolean ordered = inTextOrder(sentenceSpans);
        for (Quotation q : quotes.tag(text, doc.furniture())) {
            quoteSpans.add(new Spans.Quote(q.start(), q.end(), doc.pageOf(q.start()), text.substring(q.start(), q.end()),
                    sentencesOf(sentenceSpans, ordered, q.start(), q.end()), pagesOf(doc, q.start(), q.end()),
                    q.attribution() == null ? null : q.attribution().cut(text), q.flags(), String.valueOf(q.open()),
                    q.depth()));
        }
        List<Spans.Indicator> indicatorSpans = new ArrayList<>();
        List<IndicatorMention> mentions = indicatorTagger().tag(text, sentenceSpans, tokens);
        for (IndicatorMention m : mentions) {
            indicatorSpans.add(new Spans.Indicator(m.id(), m.start(), m.end(), doc.pageOf(m.start()),
                    text.substring(m.start(), m.end()), m.source(), m.pattern()));
        }
        indicatorSpans.addAll(classified(doc, mentions));
        indicatorSpans.sort(Comparator.comparingInt(Spans.Indicator::start).thenComparingInt(Spans.Indicator::end));
        List<Spans.LegalRef> refs = new ArrayList<>();
        for (LegalReference r : legalRefs.tag(text)) {
            refs.add(new Spans.LegalRef(r.law(), r.sections(), r.start(), r.end(), text.substring(r.start(), r.end()),
                    doc.pageOf(r.start())));
        }
        return new Tags(sentences, quoteSpans, indicatorSpans, refs, pii, entities);
    }

    /**
     * The document's names as entities, and its persons as personal data. The name finder reads the sentences' texts
     * cut as it asks for them ({@link SentenceTexts}), not a copy of the text in sentences (round 51); its answers are
     * let go when this returns, before the other taggers run: a huge text's tagging held them to its end (round 50).
     */
    private void names(NormalisedText doc, List<TaggedSpan> sentenceSpans, List<List<TaggedSpan>> tokens,
            List<Spans.Entity> entities, List<Spans.Pii> pii) {
        String text = doc.text();
        List<List<TaggedSpan>> names = models.namesOfDocument(new SentenceTexts(text, sentenceSpans), tokens);
        for (int i = 0; i < names.size(); i++) {
            int offset = sentenceSpans.get(i).start();
            for (TaggedSpan n : names.get(i)) {
                int start = offset + n.start();
                int end = offset + n.end();
                entities.add(new Spans.Entity(n.type(), start, end, text.substring(start, end)));
                if ("PER".equals(n.type())) {
                    pii.add(new Spans.Pii(PiiTagger.PERSON, start, end, doc.pageOf(start)));
                }
            }
        }
    }

    /**
     * The categories the classifier gives a paragraph where the codebook found none of that category:
     * one mention over the whole paragraph, shown as the codebook's first indicator of the category, with
     * the classifier's confidence and strongest features as its {@code pattern} (why).
     */
    List<Spans.Indicator> classified(NormalisedText doc, List<IndicatorMention> mentions) {
        List<Spans.Indicator> out = new ArrayList<>();
        String text = doc.text();
        boolean byStart = true;
        for (int i = 1; i < mentions.size() && byStart; i++) {
            byStart = mentions.get(i).start() >= mentions.get(i - 1).start();
        }
        for (int[] p : ParagraphIndicators.paragraphs(text)) {
            List<IndicatorMention> inside = byStart ? inside(mentions, p[0], p[1])
                    : mentions.stream().filter(m -> m.start() >= p[0] && m.end() <= p[1]).toList();
            String paragraph = text.substring(p[0], p[1]);
            for (ParagraphIndicators.Verdict v : paragraphIndicators.categorise(paragraph, inside)) {
                String id = IndicatorCategories.indicatorOf(codebook, v.category());
                if (IndicatorMention.MODEL.equals(v.source()) && id != null) {
                    out.add(new Spans.Indicator(id, p[0], p[1], doc.pageOf(p[0]), paragraph, IndicatorMention.MODEL,
                            IndicatorReasons.modelPattern(v.confidence(), v.why())));
                }
            }
        }
        return out;
    }

    /**
     * The mentions that lie within [{@code from}, {@code to}), in their order, of mentions ordered by start (as the
     * tagger gives them): those starting in the range are found by binary search and read once: a filter of the whole
     * list for each paragraph read every mention once per paragraph (an 18-million-character log has some 70,000
     * paragraphs and hundreds of thousands of mentions).
     */
    static List<IndicatorMention> inside(List<IndicatorMention> mentions, int from, int to) {
        int lo = 0;
        int hi = mentions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mentions.get(mid).start() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        List<IndicatorMention> out = new ArrayList<>();
        for (int i = lo; i < mentions.size(); i++) {
            IndicatorMention m = mentions.get(i);
            if (m.start() >= to) {
                break;
            }
            if (m.end() <= to) {
                out.add(m);
            }
        }
        return out;
    }

    /** Whether the sentences follow one another: each starts and ends no earlier than the one before. */
    private static boolean inTextOrder(List<TaggedSpan> sentences) {
        for (int i = 1; i < sentences.size(); i++) {
            if (sentences.get(i).start() < sentences.get(i - 1).start() || sentences.get(i).end() < sentences.get(i - 1).end()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The indexes of the sentences that the span [{@code start}, {@code end}) overlaps (an empty span: the sentence it
     * stands in). When the sentences are in text order the first is found by binary search on their ends and the
     * scan stops at the first sentence starting after the span; otherwise every sentence is looked at. A scan of all
     * sentences for every quotation grew with quotations × sentences.
     */
    static List<Integer> sentencesOf(List<TaggedSpan> sentences, boolean ordered, int start, int end) {
        List<Integer> out = new ArrayList<>();
        int limit = Math.max(end, start + 1);
        int first = 0;
        if (ordered) {
            int hi = sentences.size();
            while (first < hi) {
                int mid = (first + hi) >>> 1;
                if (sentences.get(mid).end() <= start) {
                    first = mid + 1;
                } else {
                    hi = mid;
                }
            }
        }
        for (int i = first; i < sentences.size(); i++) {
            TaggedSpan s = sentences.get(i);
            if (ordered && s.start() >= limit) {
                break;
            }
            if (s.start() < limit && start < s.end()) {
                out.add(i);
            }
        }
        return out;
    }

    private static List<Integer> pagesOf(NormalisedText doc, int start, int end) {
        List<Integer> out = new ArrayList<>();
        for (int p = doc.pageOf(start); p <= doc.pageOf(Math.max(start, end - 1)); p++) {
            out.add(p);
        }
        return out;
    }
}

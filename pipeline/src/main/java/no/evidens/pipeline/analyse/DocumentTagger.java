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

    public Tags tag(NormalisedText doc) {
        String text = doc.text();
        List<TaggedSpan> sentenceSpans = models.sentences(text);
        List<Spans.Sentence> sentences = new ArrayList<>(sentenceSpans.size());
        List<String> sentenceTexts = new ArrayList<>(sentenceSpans.size());
        List<List<TaggedSpan>> tokens = new ArrayList<>(sentenceSpans.size());
        for (TaggedSpan s : sentenceSpans) {
            sentences.add(new Spans.Sentence(s.start(), s.end(), doc.pageOf(s.start())));
            String sentence = s.cut(text);
            sentenceTexts.add(sentence);
            tokens.add(models.tokensOfSentence(sentence));
        }
        List<Spans.Entity> entities = new ArrayList<>();
        List<Spans.Pii> pii = new ArrayList<>();
        List<List<TaggedSpan>> names = models.namesOfDocument(sentenceTexts, tokens);
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
        for (TaggedSpan p : piiTagger.tag(text)) {
            pii.add(new Spans.Pii(p.type(), p.start(), p.end(), doc.pageOf(p.start())));
        }
        pii.sort(Comparator.comparingInt(Spans.Pii::start).thenComparing(Spans.Pii::type));

        List<Spans.Quote> quoteSpans = new ArrayList<>();
        for (Quotation q : quotes.tag(text, doc.furniture())) {
            quoteSpans.add(new Spans.Quote(q.start(), q.end(), doc.pageOf(q.start()), text.substring(q.start(), q.end()),
                    sentencesOf(sentenceSpans, q.start(), q.end()), pagesOf(doc, q.start(), q.end()),
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
     * The categories the classifier gives a paragraph where the codebook found none of that category:
     * one mention over the whole paragraph, shown as the codebook's first indicator of the category, with
     * the classifier's confidence and strongest features as its {@code pattern} (why).
     */
    private List<Spans.Indicator> classified(NormalisedText doc, List<IndicatorMention> mentions) {
        List<Spans.Indicator> out = new ArrayList<>();
        String text = doc.text();
        for (int[] p : ParagraphIndicators.paragraphs(text)) {
            List<IndicatorMention> inside = mentions.stream().filter(m -> m.start() >= p[0] && m.end() <= p[1]).toList();
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

    private static List<Integer> sentencesOf(List<TaggedSpan> sentences, int start, int end) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            TaggedSpan s = sentences.get(i);
            if (s.start() < Math.max(end, start + 1) && start < s.end()) {
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

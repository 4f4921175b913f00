package no.evidens.pipeline.analyse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;
import no.evidens.models.codebook.Codebook;
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

    public DocumentTagger(NorwegianModels models, Codebook codebook) {
        this.models = models;
        this.codebook = codebook;
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
        for (IndicatorMention m : indicatorTagger().tag(text, sentenceSpans, tokens)) {
            indicatorSpans.add(new Spans.Indicator(m.id(), m.start(), m.end(), doc.pageOf(m.start()),
                    text.substring(m.start(), m.end()), m.source(), m.pattern()));
        }
        List<Spans.LegalRef> refs = new ArrayList<>();
        for (LegalReference r : legalRefs.tag(text)) {
            refs.add(new Spans.LegalRef(r.law(), r.sections(), r.start(), r.end(), text.substring(r.start(), r.end()),
                    doc.pageOf(r.start())));
        }
        return new Tags(sentences, quoteSpans, indicatorSpans, refs, pii, entities);
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

package no.evidens.pipeline.analyse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * <p>The indicator codebook is the one set with {@link #useCodebook} (the {@code --codebook} option or
 * the home folder's {@code codebook.yaml}), else the default shipped in {@code models}.
 */
public final class DocumentTagger {
    private static volatile Codebook configured;

    private final NorwegianModels models;
    private final QuoteTagger quotes = new QuoteTagger();
    private final LegalRefTagger legalRefs = new LegalRefTagger();
    private final PiiTagger piiTagger = new PiiTagger();
    private volatile IndicatorTagger indicators;

    public DocumentTagger(NorwegianModels models) {
        this.models = models;
    }

    /** The codebook every tagger in this process uses from now on (null: back to the default). */
    public static void useCodebook(Codebook codebook) {
        configured = codebook;
    }

    /** The codebook in force. */
    public static Codebook codebook() {
        Codebook c = configured;
        return c != null ? c : DefaultCodebook.INSTANCE;
    }

    private static final class DefaultCodebook {
        static final Codebook INSTANCE = Codebook.defaults();
    }

    private IndicatorTagger indicatorTagger() {
        Codebook c = codebook();
        IndicatorTagger t = indicators;
        if (t == null || t.codebook() != c) {
            t = new IndicatorTagger(c, models);
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
        for (Quotation q : quotes.tag(text, pageFurniture(doc))) {
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

    /**
     * Running headers and footers: a short paragraph that opens or closes a page and, with its digits
     * masked, opens or closes another page too. Quotation marks there are not quotations.
     */
    static List<int[]> pageFurniture(NormalisedText doc) {
        if (doc.pages() < 2) {
            return List.of();
        }
        Map<String, List<int[]>> byKey = new HashMap<>();
        Map<String, Set<Integer>> pagesByKey = new HashMap<>();
        List<int[]> paragraphs = doc.paragraphs();
        for (int k = 0; k < paragraphs.size(); k++) {
            int[] para = paragraphs.get(k);
            int page = doc.pageOf(para[0]);
            boolean first = k == 0 || doc.pageOf(paragraphs.get(k - 1)[0]) != page;
            boolean last = k == paragraphs.size() - 1 || doc.pageOf(paragraphs.get(k + 1)[0]) != page;
            if ((first || last) && para[1] - para[0] <= 100) {
                String key = doc.text().substring(para[0], para[1]).replaceAll("\\d+", "#").strip();
                byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(para);
                pagesByKey.computeIfAbsent(key, x -> new HashSet<>()).add(page);
            }
        }
        List<int[]> out = new ArrayList<>();
        byKey.forEach((key, paras) -> {
            if (pagesByKey.get(key).size() >= 2) {
                out.addAll(paras);
            }
        });
        return out;
    }
}
